{
    "name": "Party Suggestion Ledger",
    "summary": "The ledger of employees' suggestions: intake through the dual "
    "link, classification, key projects, deadlines, verification, satisfaction "
    "and the four rates",
    "version": "1.0.0",
    "category": "Human Resources",
    "author": "Party Work Apps",
    "license": "LGPL-3",
    "depends": ["party_points"],
    "data": [
        "security/ir.model.access.csv",
        "security/party_ledger_security.xml",
        "data/party_ledger_data.xml",
        "data/party_points_ruleset_data.xml",
        "views/party_points_ruleset_views.xml",
        "views/party_suggestion_views.xml",
        "views/party_practical_project_views.xml",
        "views/party_zone_views.xml",
        "views/party_wish_views.xml",
        "report/party_suggestion_report_views.xml",
        "wizard/party_suggestion_wizard_views.xml",
        "views/res_config_settings_views.xml",
        "wizard/party_ledger_settings_views.xml",
        "views/party_ledger_menus.xml",
        "views/portal_templates.xml",
        "views/portal_wish_templates.xml",
        "security/party_ledger_portal_security.xml",
        "report/party_suggestion_dashboard_views.xml",
        "wizard/party_suggestion_export_views.xml",
    ],
    "demo": [
        "demo/party_ledger_demo.xml",
        "demo/party_wish_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "party_ledger/static/src/tours/*.js",
        ],
    },
    "application": True,
}
