"""Photos are recognised by content; names kept safe."""

from newsarchive.core.ingest.photos import check_photo, image_type, library_photo_name


def test_image_types_by_magic_number():
    assert image_type(b"\xff\xd8\xff\xe0rest") == "jpeg"
    assert image_type(b"\x89PNG\r\n\x1a\n....") == "png"
    assert image_type(b"RIFF\x10\x00\x00\x00WEBPVP8 ") == "webp"
    assert image_type(b"GIF89a....") == "gif"
    assert image_type(b"<html>") is None


def test_a_text_file_named_jpg_is_not_a_photo(tmp_path):
    fake = tmp_path / "photo.jpg"
    fake.write_text("not an image")
    assert check_photo(fake) == "photo.jpg is not a JPEG, PNG, WebP or GIF image"
    real = tmp_path / "real.jpg"
    real.write_bytes(b"\xff\xd8\xff\xe0" + bytes(100))
    assert check_photo(real) is None


def test_library_photo_names_are_plain_and_safe():
    assert library_photo_name("IMG_2041.JPG") == "IMG_2041.jpg"
    assert library_photo_name("../../etc/passwd.png") == "passwd.png"
    assert library_photo_name("foto del día (1).jpeg") == "foto_del_día_1.jpeg"
    assert library_photo_name(".jpg") == "photo.jpg"
