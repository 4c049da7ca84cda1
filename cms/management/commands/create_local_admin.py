"""Create a local superuser with a generated password, and print how to log in."""

import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    """Create the `admin` superuser once, with a random password kept in .local/."""

    help = "Create a local superuser with a generated password and print the login details."

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")
        parser.add_argument(
            "--base-url", default=settings.WAGTAILADMIN_BASE_URL, help="Where the site is served."
        )

    def handle(self, *args, username, base_url, **options):
        self.stdout.write(f"Site:  {base_url}/")
        password_file = settings.BASE_DIR / ".local" / "admin_password"
        user_model = get_user_model()
        user = user_model.objects.filter(username=username).first()
        if user is None:
            password = secrets.token_urlsafe(12)
            user_model.objects.create_superuser(username=username, email="", password=password)
            password_file.parent.mkdir(exist_ok=True)
            password_file.write_text(password)
            password_file.chmod(0o600)
        elif password_file.exists() and user.check_password(password_file.read_text().strip()):
            password = password_file.read_text().strip()
        else:
            self.stdout.write(f"Admin user '{username}' exists; its password was changed by hand.")
            return
        self.stdout.write(
            self.style.SUCCESS(f"Admin: {base_url}/admin/  user: {username}  password: {password}")
        )
