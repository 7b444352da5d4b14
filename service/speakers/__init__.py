"""Speakers: the people and organisations who make claims, across articles."""
