"""A later surname refers to a person introduced with a double surname or a particle."""

from registries import registry


def test_either_surname_of_a_double_surname_refers_to_the_person(extract):
    sides = registry(("Xia", []), ("Yia", []))
    claims = extract(
        "“The border is closed to us,” Xia\u2019s deputy trade minister, Tomas Arriaga Llosa, "
        "told reporters on Monday.\n\nArriaga said exporters had lost millions of dollars "
        "since the closure.",
        sides=sides,
    ).claims
    assert claims[-1]["speaker"]["name"] == "Tomas Arriaga Llosa"
    assert claims[-1]["side_id"] == "s0"


def test_a_capitalised_particle_surname_refers_to_the_person(extract):
    sides = registry(("Coastal Growers\u2019 Association", ["the association"]))
    claims = extract(
        "“We cannot sell below cost,” said Khalid al-Harthi, the association\u2019s chairman. "
        "Al-Harthi said more than 900 growers had joined the protest.",
        sides=sides,
    ).claims
    assert claims[-1]["speaker"]["name"] == "Khalid al-Harthi"
    assert claims[-1]["side_id"] == "s0"
