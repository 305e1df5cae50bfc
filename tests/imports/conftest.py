import pytest


@pytest.fixture(autouse=True)
def uploads_kept_apart(settings, tmp_path):
    """Uploaded files go to a folder of the test's own, never the development media folder."""
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": tmp_path / "media", "base_url": None},
        },
    }
