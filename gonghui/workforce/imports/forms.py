from django import forms
from django.utils.translation import gettext_lazy as _

from gonghui.core.forms import style


class ImportForm(forms.Form):
    file = forms.FileField(label=_("文件（xlsx 或 csv）"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        style(self.fields["file"])
