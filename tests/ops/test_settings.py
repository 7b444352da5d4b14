"""Settings: secrets from files (Docker secrets) as well as plain variables."""

from urllib.parse import unquote, urlsplit

import pytest

from service.config import load_config

KEY = "cdk_from_a_secret_file_0001"


def test_secrets_are_read_from_their_files(tmp_path):
    key_file = tmp_path / "admin_key"
    key_file.write_text(KEY + "\n")
    password_file = tmp_path / "mongo_password"
    password_file.write_text("p@ss:w/rd%\n")
    config = load_config(
        {
            "BOOTSTRAP_ADMIN_KEY_FILE": str(key_file),
            "MONGO_URI": "mongodb://claimdesk@mongo:27017/claimdesk?replicaSet=rs0",
            "MONGO_PASSWORD_FILE": str(password_file),
        }
    )
    assert config["BOOTSTRAP_ADMIN_KEY"] == KEY
    uri = urlsplit(config["MONGO_URI"])
    assert uri.username == "claimdesk"
    assert unquote(uri.password) == "p@ss:w/rd%"
    assert uri.hostname == "mongo" and uri.query == "replicaSet=rs0"
    assert config["AUTH"] == "required"


def test_a_whole_uri_can_come_from_a_file(tmp_path):
    uri_file = tmp_path / "uri"
    uri_file.write_text("mongodb://u:p@db:27017/x\n")
    assert load_config({"MONGO_URI_FILE": str(uri_file)})["MONGO_URI"] == "mongodb://u:p@db:27017/x"


def test_plain_variables_still_work():
    config = load_config({"BOOTSTRAP_ADMIN_KEY": KEY, "MONGO_PASSWORD": "pw"})
    assert config["BOOTSTRAP_ADMIN_KEY"] == KEY
    assert config["MONGO_URI"] is None  # a password without a URI changes nothing


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"BOOTSTRAP_ADMIN_KEY": KEY, "BOOTSTRAP_ADMIN_KEY_FILE": "/x"}, "not both"),
        ({"BOOTSTRAP_ADMIN_KEY_FILE": "/no/such/file"}, "cannot read"),
        ({"MONGO_URI": "mongodb://u:p@db/x", "MONGO_PASSWORD": "pw"}, "no password in it"),
        ({"MONGO_URI": "mongodb://db/x", "MONGO_PASSWORD": "pw"}, "with a user"),
        ({"PUBLIC_BASE_URL": "ftp://x"}, "PUBLIC_BASE_URL"),
    ],
)
def test_bad_secret_settings_fail_loudly(env, message):
    with pytest.raises(ValueError, match=message):
        load_config(env)


def test_an_empty_secret_file_fails(tmp_path):
    empty = tmp_path / "empty"
    empty.write_text("\n")
    with pytest.raises(ValueError, match="empty"):
        load_config({"MONGO_URI_FILE": str(empty)})
