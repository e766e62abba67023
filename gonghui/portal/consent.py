"""The wording a worker agrees to before applying, versioned: the version is stored with each
application, so any change to the text below needs a new version."""

from django.utils.translation import gettext_lazy as _

CONSENT_VERSION = "2026-11"

CONSENT_TITLE = _("个人信息处理告知同意书")
CONSENT_PARAGRAPHS = [
    _(
        "为办理入会、转会和会员服务，工会将收集您的姓名、公民身份号码、手机号码、工作单位、"
        "就业形态和是否农民工等信息。"
    ),
    _(
        "这些信息仅用于会员管理、会员服务和工会统计，由您申请加入的工会及其上级工会处理；"
        "身份号码和手机号码加密存储，页面上默认只显示部分号码，查看完整号码会被记录。"
    ),
    _("未经您同意，工会不会向其他单位或个人提供您的个人信息，法律法规另有规定的除外。"),
    _("您可以查询、更正您的信息，也可以申请退会；退会后会籍记录依规定保存。"),
    _("审核结果将以短信通知您。"),
]
