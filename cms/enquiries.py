"""Who may read, export and delete the contact form's enquiries: the 客服 (enquiries) group."""

from django.contrib.auth.models import Group, Permission
from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.models import GroupPagePermission

from cms.models import ContactPage

# Created by migration cms.0003_enquiries_group; admins add customer-service staff to it.
ENQUIRIES_GROUP = "客服"
# Wagtail's submission screens offer listing, export and deletion together, so they open only to
# who may both view and delete submissions (the group, and superusers).
ENQUIRY_PERMISSIONS = ("wagtailforms.view_formsubmission", "wagtailforms.delete_formsubmission")


def can_handle_enquiries(user):
    """Whether `user` may see, export and delete form submissions at all."""
    return user.is_active and user.has_perms(ENQUIRY_PERMISSIONS)


def let_enquiries_group_edit(page):
    """Let the enquiries group edit `page`: Wagtail lists a form's submissions to its editors."""
    group = Group.objects.filter(name=ENQUIRIES_GROUP).first()
    if group is None:
        return
    permission = Permission.objects.get(
        content_type__app_label="wagtailcore", codename="change_page"
    )
    GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)


@receiver(post_save, sender=ContactPage)
def new_contact_page_to_enquiries_group(sender, instance, created, raw=False, **kwargs):
    """Give each new contact page to the enquiries group, so its enquiries reach them."""
    if created and not raw:
        let_enquiries_group_edit(instance)
