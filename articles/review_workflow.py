"""The medical review workflow: its reviewers' group, its approval task, and where it applies.

Written against an app registry, so the data migration (with historical models) and `load_demo`
(with the current ones) set it up the same way; each step creates only what is missing.
"""

GROUP_NAME = "医学审核员"
WORKFLOW_NAME = "医学审核 / Medical review"
TASK_NAME = "医学审核 / Medical review"


def reviewers_group(apps):
    """The group whose members approve the medical review, with access to the admin."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _created = Group.objects.get_or_create(name=GROUP_NAME)
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    return group


def review_workflow(apps):
    """The workflow whose one task only the reviewers' group may approve."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    group = reviewers_group(apps)
    task_type, _created = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK_NAME, content_type=task_type)
        task.groups.add(group)
    workflow, _created = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    return workflow


def assign_review_workflow(apps, index_ids):
    """Put the news indexes `index_ids` and their articles under the review workflow.

    Reviewers may edit and publish there. A page that already has a workflow of its own keeps it:
    someone chose it on purpose.
    """
    Permission = apps.get_model("auth", "Permission")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    workflow = review_workflow(apps)
    group = reviewers_group(apps)
    # Approving the last task publishes the article as the approver, so reviewers may publish.
    page_permissions = Permission.objects.filter(
        content_type__app_label="wagtailcore", codename__in=["change_page", "publish_page"]
    )
    for page_id in index_ids:
        WorkflowPage.objects.get_or_create(page_id=page_id, defaults={"workflow": workflow})
        for permission in page_permissions:
            GroupPagePermission.objects.get_or_create(
                group=group, page_id=page_id, permission=permission
            )
    return workflow
