{
    "name": "Party Suggestion Ledger",
    "summary": "The ledger of employees' suggestions: intake through the dual "
    "link, classification, key projects, deadlines, verification, satisfaction "
    "and the four rates",
    "version": "17.0.1.0.0",
    "category": "Human Resources",
    "author": "Party Work Apps",
    "license": "LGPL-3",
    "depends": ["party_points"],
    "application": True,
}
