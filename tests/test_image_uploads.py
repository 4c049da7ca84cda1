"""Hostile image files are refused at every upload with a Chinese message and nothing stored;
an image that is already stored but broken never takes a page down."""

import io
import json

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from PIL import Image as PILImage
from wagtail.images import get_image_model

from publisher.models import SiteSettings
from tests import hostile_images as hostile
from tests.factories import make_article, make_site

UNREADABLE = "无法完整读取该图片文件"
NOT_AN_IMAGE = "该文件不是 JPEG、PNG、WebP、AVIF 或 GIF 格式的图片"
TOO_MANY_PIXELS = "像素过多"

HOSTILE_UPLOADS = {
    "truncated PNG": ("cut.png", lambda: hostile.truncated(hostile.noisy_png()), UNREADABLE),
    "truncated JPEG": ("cut.jpg", lambda: hostile.truncated(hostile.noisy_jpeg()), UNREADABLE),
    "PNG with a 50 MB zTXt chunk": ("text.png", hostile.png_with_ztxt, UNREADABLE),
    "11000 x 11000 PNG": ("huge.png", hostile.huge_png, TOO_MANY_PIXELS),
    "PDF named .png": ("paper.png", lambda: hostile.NOT_AN_IMAGE, NOT_AN_IMAGE),
    "SVG named .png": ("drawing.png", lambda: hostile.SVG, NOT_AN_IMAGE),
    "HTML named .jpg": ("page.jpg", lambda: hostile.HTML, NOT_AN_IMAGE),
    "SVG": ("drawing.svg", lambda: hostile.SVG, NOT_AN_IMAGE),
}


def stored_originals():
    """The names of the original image files in storage."""
    try:
        return default_storage.listdir("original_images")[1]
    except FileNotFoundError:
        return []


@pytest.fixture
def chinese_admin(client, django_user_model):
    """A logged-in superuser with the admin in its default language."""
    user = django_user_model.objects.create_superuser("admin", "admin@example.com", "pw")
    client.force_login(user)
    return client


def post_admin_form(client, name, data):
    """Send `data` through the single-image add form."""
    return client.post(
        "/admin/images/add/", {"title": "上传", "file": SimpleUploadedFile(name, data)}
    )


def upload_admin_form(client, name, data):
    """Send `data` through the single-image add form and expect it shown again; the page's text."""
    response = post_admin_form(client, name, data)
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def upload_multiple(client, name, data):
    """Send `data` through the multiple uploader; its error message."""
    response = client.post(
        "/admin/images/multiple/add/", {"files[]": SimpleUploadedFile(name, data)}
    )
    assert response.status_code == 200, response.status_code
    reply = json.loads(response.content)
    assert reply["success"] is False
    return reply["error_message"]


def upload_chooser(client, name, data):
    """Send `data` through the upload tab of the image chooser; the modal's HTML."""
    response = client.post(
        "/admin/images/chooser/create/",
        {
            "image-chooser-upload-title": "上传",
            "image-chooser-upload-file": SimpleUploadedFile(name, data),
        },
    )
    assert response.status_code == 200, response.status_code
    return json.loads(response.content)["htmlFragment"]


UPLOADERS = [upload_admin_form, upload_multiple, upload_chooser]


@pytest.mark.django_db
class TestHostileUploadsAreRefused:
    """Each hostile file, sent to each way of uploading, is refused in Chinese and not stored."""

    @pytest.mark.parametrize("uploader", UPLOADERS, ids=lambda f: f.__name__)
    @pytest.mark.parametrize("case", HOSTILE_UPLOADS, ids=str)
    def test_refused_with_a_chinese_message(self, chinese_admin, uploader, case):
        name, build, message = HOSTILE_UPLOADS[case]
        files_before = stored_originals()
        assert message in uploader(chinese_admin, name, build())
        assert not get_image_model().objects.exists()
        assert stored_originals() == files_before


@pytest.mark.django_db
class TestOversizeExifIsStripped:
    """A JPEG whose Exif needs two APP1 segments is stored without it, and renders."""

    def test_the_stored_copy_keeps_no_exif_and_renders(self, chinese_admin):
        response = post_admin_form(chinese_admin, "exif.jpg", hostile.jpeg_with_long_exif())
        assert response.status_code == 302
        image = get_image_model().objects.get()
        with image.open_file() as f, PILImage.open(f) as stored:
            assert stored.format == "JPEG"
            assert len(stored.info.get("exif", b"")) < 65_000
        assert image.file_size == image.file.size
        assert not image.get_rendition("fill-480x270").is_placeholder

    def test_small_exif_is_kept_byte_for_byte(self, chinese_admin):
        data = hostile.jpeg_with_long_exif(segments=1, segment_size=2_000)
        upload_multiple_ok(chinese_admin, "small-exif.jpg", data)
        image = get_image_model().objects.get()
        with image.open_file() as f:
            assert f.read() == data

    def test_orientation_is_applied_when_exif_is_dropped(self, chinese_admin):
        buffer = io.BytesIO()
        exif = PILImage.Exif()
        exif[0x0112] = 6  # rotated 90° clockwise: a 40 x 20 sensor image shows as 20 x 40
        exif[0x010E] = "x" * 70_000
        PILImage.new("RGB", (40, 20), "teal").save(buffer, "PNG", exif=exif.tobytes())
        post_admin_form(chinese_admin, "turned.png", buffer.getvalue())
        image = get_image_model().objects.get()
        assert (image.width, image.height) == (20, 40)


def upload_multiple_ok(client, name, data):
    """Send `data` through the multiple uploader and expect it stored."""
    response = client.post(
        "/admin/images/multiple/add/", {"files[]": SimpleUploadedFile(name, data)}
    )
    assert json.loads(response.content)["success"] is True


BROKEN_FILES = {
    "two 40 KB APP1 Exif segments": ("exif.jpg", hostile.jpeg_with_long_exif),
    "truncated PNG": ("cut.png", lambda: hostile.truncated(hostile.noisy_png())),
    "truncated JPEG": ("cut.jpg", lambda: hostile.truncated(hostile.noisy_jpeg())),
    "11000 x 11000 PNG": ("huge.png", hostile.huge_png),
    "missing file": ("gone.png", hostile.png),
}


def store_unchecked(name, data):
    """Store `data` as a library image the way uploads were stored before they were checked."""
    with PILImage.open(io.BytesIO(data)) as header:
        width, height = header.size
    image = get_image_model()(title="坏图")
    image.file.save(name, ContentFile(data), save=False)
    image.width, image.height = width, height
    image.save()
    return image


@pytest.fixture(params=BROKEN_FILES, ids=str)
def broken_image(request, db):
    """A site whose logo, and an article's lead image and figure, is one broken stored file."""
    name, build = BROKEN_FILES[request.param]
    image = store_unchecked(name, build())
    if request.param == "missing file":
        default_storage.delete(image.file.name)
    _home, index = make_site()
    SiteSettings.objects.update(logo=image)
    figure = {"image": image.pk, "alt_text": "示意图", "caption": "图注", "credit": ""}
    article = make_article(index, 1, lead_image=image, body=[{"type": "figure", "value": figure}])
    return image, article


PUBLIC_PAGES = ["/zh-hans/", "/en/", "/zh-hans/news/", "/en/news/"]


class TestBrokenStoredImage:
    """A stored image that cannot be rendered leaves every page answering 200."""

    @pytest.mark.parametrize("url", PUBLIC_PAGES)
    def test_public_pages_answer(self, client, broken_image, url):
        assert client.get(url).status_code == 200

    def test_article_answers_in_both_languages(self, client, broken_image):
        assert client.get("/zh-hans/news/article-1/").status_code == 200
        assert client.get("/en/news/article-1-en/").status_code == 200

    @pytest.mark.parametrize(
        "path",
        [
            "/admin/images/",
            "/admin/images/{}/",
            "/admin/images/{}/delete/",
            "/admin/images/chooser/",
            "/admin/images/chooser/chosen/{}/",
            "/admin/images/chooser/{}/select_format/",
        ],
    )
    def test_admin_pages_answer(self, chinese_admin, broken_image, path):
        image, _article = broken_image
        assert chinese_admin.get(path.format(image.pk)).status_code == 200

    def test_it_can_be_deleted_through_the_admin(self, chinese_admin, broken_image):
        image, _article = broken_image
        response = chinese_admin.post(f"/admin/images/{image.pk}/delete/")
        assert response.status_code == 302
        assert not get_image_model().objects.filter(pk=image.pk).exists()


class TestOverLimitStoredImage:
    """An image stored before the pixel limit is never decoded to render it."""

    def test_its_renditions_are_placeholders(self, db):
        image = store_unchecked("huge.png", hostile.huge_png())
        assert image.get_rendition("width-960").is_placeholder
        assert not image.renditions.exists()


class TestRepairImages:
    """repair_images re-encodes what it can, reports what it cannot, and changes nothing twice."""

    def run(self):
        out = io.StringIO()
        call_command("repair_images", stdout=out)
        return out.getvalue()

    def test_repairs_reports_and_is_idempotent(self, db):
        exif = store_unchecked("exif.jpg", hostile.jpeg_with_long_exif())
        store_unchecked("sound.png", hostile.png())
        cut = store_unchecked("cut.png", hostile.truncated(hostile.noisy_png()))
        gone = store_unchecked("gone.png", hostile.png())
        default_storage.delete(gone.file.name)
        first = self.run()
        assert "Images checked: 4; sound: 1; repaired: 1; cannot repair: 2." in first
        assert f"Cannot repair image {cut.pk}" in first
        assert f"Cannot repair image {gone.pk} (坏图): file missing" in first
        exif.refresh_from_db()
        assert not exif.get_rendition("width-960").is_placeholder
        assert "Images checked: 4; sound: 2; repaired: 0; cannot repair: 2." in self.run()
