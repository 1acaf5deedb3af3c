# Run by tools/demo.sh inside `odoo shell` (where `env` is given): the demo
# speaks Chinese and keeps Beijing time.
users = env["res.users"].with_context(active_test=False).search([])  # noqa: F821
users.write({"lang": "zh_CN", "tz": "Asia/Shanghai"})
env.company.partner_id.lang = "zh_CN"  # noqa: F821
env.cr.commit()  # noqa: F821
