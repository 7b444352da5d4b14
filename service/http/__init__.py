"""HTTP plumbing shared by the resource packages."""
