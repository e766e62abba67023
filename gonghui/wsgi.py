import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gonghui.settings")
application = get_wsgi_application()

# Jobs queued before a restart run now, not at the first request (gonghui.core.tasks_embedded).
from gonghui.core import tasks_embedded  # noqa: E402

tasks_embedded.ensure_started()
