# ruff: noqa: E501 -- one standard per line reads best as a table
"""The checklists and jargon list every deployment starts with, written for this product.

Each checklist is found again by a fixed family id, so the seed can run twice (from the data
migration and the demo) without adding anything; administrators change them on the site.
Standards: (question, guidance, answer type, weight, pass mark, lower is better, unit, required).
"""

import uuid

Y, R, N, T = "yes_no", "rating", "number", "text"
_NS = uuid.UUID("7f1d3c62-5b8e-4f51-9c0c-2d6a8e4b1a10")


def family(slug: str) -> uuid.UUID:
    """The fixed family id of a seeded checklist."""
    return uuid.uuid5(_NS, slug)


CHECKLISTS = [
    {
        "slug": "phone", "purpose": "phone", "title": "Telephone contact",
        "introduction": "Ring the local office as a tenant would, with a simple enquiry such as "
                        "reporting a repair or asking about paying rent. Count the rings before "
                        "anyone answers. Do not give your real tenancy details.",
        "sections": [
            ("Getting through", [
                ("How many times did the phone ring before someone answered?",
                 "Count every ring. If you were put in a queue, count until a person spoke.",
                 N, 2, 5, True, "rings", True),
                ("If you were put on hold, how many minutes did you wait?",
                 "Enter 0 if you were not put on hold.", N, 1, 2, True, "minutes", True),
                ("Did a recorded message tell you the options clearly?",
                 "Choose not applicable if a person answered straight away.", Y, 1, None, False, "", False),
            ]),
            ("How you were treated", [
                ("Did the person who answered give their name?", "", Y, 2, None, False, "", True),
                ("Were they polite and friendly?", "1 is rude, 5 is very friendly.", R, 2, 3, False, "", True),
                ("Did they listen without interrupting?", "", Y, 1, None, False, "", True),
                ("Did they explain things in plain words, without jargon?", "", R, 1, 3, False, "", True),
            ]),
            ("Sorting out your enquiry", [
                ("Was your enquiry sorted out on this call?",
                 "Choose no if you were told someone would call back.", Y, 2, None, False, "", True),
                ("If not, were you told what would happen next and by when?",
                 "Choose not applicable if it was sorted out.", Y, 2, None, False, "", False),
                ("Overall, how well was your call handled?", "", R, 2, 3, False, "", True),
                ("Anything else you noticed", "", T, 0, None, False, "", False),
            ]),
        ],
    },
    {
        "slug": "office", "purpose": "office", "title": "Office visit",
        "introduction": "Visit the local housing office in opening hours with a simple enquiry. "
                        "Look at the reception area while you wait.",
        "sections": [
            ("Reception", [
                ("Was the entrance easy to get into, including for a wheelchair or pram?", "", Y, 2, None, False, "", True),
                ("Was the reception area clean and tidy?", "", Y, 1, None, False, "", True),
                ("How many minutes did you wait before someone spoke to you?", "", N, 2, 10, True, "minutes", True),
                ("Were you greeted politely?", "1 is rude, 5 is very welcoming.", R, 2, 3, False, "", True),
                ("Did staff wear a name badge or give their name?", "", Y, 1, None, False, "", True),
            ]),
            ("Privacy to discuss a complaint", [
                ("When you said you wanted to make a complaint, were you offered a private room or space?",
                 "Say you would like to talk about a complaint.", Y, 3, None, False, "", True),
                ("Could you talk without being overheard?",
                 "Answer no if other people in reception could hear you.", Y, 2, None, False, "", True),
                ("Were you told how the complaint would be handled and how long it would take?", "", Y, 2, None, False, "", True),
            ]),
            ("Information on display", [
                ("Were opening hours shown outside the office?", "", Y, 1, None, False, "", True),
                ("Were leaflets on repairs, rent and complaints on display?", "", Y, 1, None, False, "", True),
                ("Was information about other languages and formats on display?", "For example large print or translation.", Y, 1, None, False, "", True),
                ("Was the latest performance information for tenants on display?", "", Y, 1, None, False, "", True),
                ("Anything else you noticed", "", T, 0, None, False, "", False),
            ]),
        ],
    },
    {
        "slug": "email-web", "purpose": "email_web", "title": "Email and web enquiry",
        "introduction": "Send a simple enquiry by email or the website's form. Note the date and "
                        "time you sent it.",
        "sections": [
            ("Finding how to get in touch", [
                ("Was it easy to find the email address or contact form on the website?", "", R, 1, 3, False, "", True),
                ("Did you get an automatic reply saying when to expect an answer?", "", Y, 1, None, False, "", True),
            ]),
            ("The reply", [
                ("How many working days did the reply take?", "The published standard is 5 working days.", N, 3, 5, True, "working days", True),
                ("Did the reply answer your question?", "", Y, 3, None, False, "", True),
                ("Was the reply written in plain words?", "", R, 2, 3, False, "", True),
                ("Did the reply give a name and a way to get back in touch?", "", Y, 1, None, False, "", True),
                ("Anything else you noticed", "", T, 0, None, False, "", False),
            ]),
        ],
    },
    {
        "slug": "empty-home", "purpose": "empty_home", "title": "Empty home inspection before letting",
        "introduction": "Check the empty home as if you were about to move in. Take photos of "
                        "anything that is not right. Do not touch anything that looks unsafe.",
        "sections": [
            ("Clean and clear", [
                ("Was the home clean throughout?", "Kitchen, bathroom, floors, cupboards.", R, 2, 4, False, "", True),
                ("Was the home free of rubbish and belongings left behind?", "Include the loft, shed and garden.", Y, 2, None, False, "", True),
                ("Was the garden tidy?", "Choose not applicable if there is no garden.", Y, 1, None, False, "", False),
            ]),
            ("Safe", [
                ("Did you see a current gas safety certificate?", "Choose not applicable if the home has no gas.", Y, 3, None, False, "", True),
                ("Did you see a current electrical safety certificate?", "", Y, 3, None, False, "", True),
                ("Were smoke alarms fitted and working?", "Press the test button.", Y, 3, None, False, "", True),
                ("Was a carbon monoxide alarm fitted where needed?", "", Y, 2, None, False, "", True),
                ("Were doors and windows secure, with working locks?", "", Y, 2, None, False, "", True),
            ]),
            ("Repairs done", [
                ("Were all repairs finished to the lettable standard?", "Look for loose fittings, damp, broken tiles.", Y, 3, None, False, "", True),
                ("How many repairs still needed doing?", "Enter 0 if none.", N, 2, 0, True, "repairs", True),
            ]),
            ("Keys and meters", [
                ("Were all keys labelled and accounted for?", "", Y, 1, None, False, "", True),
                ("Were gas and electricity meter readings recorded?", "", Y, 1, None, False, "", True),
                ("Would you be happy to move in?", "1 is not at all, 5 is very happy.", R, 2, 3, False, "", True),
                ("Anything else you noticed", "", T, 0, None, False, "", False),
            ]),
        ],
    },
    {
        "slug": "hostel", "purpose": "hostel", "title": "Hostel and temporary accommodation inspection",
        "introduction": "Inspect the hostel or temporary home with a member of staff. Speak to "
                        "residents only if they are happy to talk. Do not photograph people.",
        "sections": [
            ("Clean and safe", [
                ("Were shared areas clean?", "", R, 2, 3, False, "", True),
                ("Were fire exits clear and signed?", "", Y, 3, None, False, "", True),
                ("Were smoke alarms and fire doors working?", "", Y, 3, None, False, "", True),
            ]),
            ("Privacy and facilities", [
                ("Could residents lock their own room?", "", Y, 2, None, False, "", True),
                ("Were there enough working toilets, showers and cooking facilities?", "", Y, 2, None, False, "", True),
                ("Was there somewhere to do laundry?", "", Y, 1, None, False, "", False),
            ]),
            ("Information and staff", [
                ("Was information for residents on display, such as how to complain and get support?", "", Y, 2, None, False, "", True),
                ("How did staff treat residents?", "1 is poorly, 5 is with real respect.", R, 3, 3, False, "", True),
                ("Anything else you noticed", "", T, 0, None, False, "", False),
            ]),
        ],
    },
    {
        "slug": "document", "purpose": "document", "title": "Document check (Customer Approved)",
        "introduction": "Read the leaflet or letter as a tenant receiving it would. The "
                        "readability figures are a guide: the panel decides.",
        "sections": [
            ("Plain English", [
                ("Is it written in plain English?", "", R, 3, 4, False, "", True),
                ("Is it free of jargon, with any abbreviations explained?", "", Y, 2, None, False, "", True),
                ("Are sentences short (mostly under 25 words)?", "", Y, 1, None, False, "", True),
            ]),
            ("What to do next", [
                ("Is it clear what the reader needs to do next?", "", Y, 3, None, False, "", True),
                ("Does it give contact details: a name or team, phone and email?", "", Y, 2, None, False, "", True),
            ]),
            ("Layout", [
                ("Is the layout easy to read, with headings and a font size of at least 12 point?", "", R, 2, 3, False, "", True),
                ("Does it say how to get it in other formats or languages?", "", Y, 1, None, False, "", True),
                ("What would you change?", "", T, 0, None, False, "", False),
            ]),
        ],
    },
]

JARGON = [
    ("void", "empty home"), ("voids", "empty homes"), ("arrears", "rent owed"),
    ("tenancy sustainment", "help to keep your home"), ("allocation", "offer of a home"),
    ("mutual exchange", "home swap"), ("decant", "move you while work is done"),
    ("utilise", "use"), ("in accordance with", "under"), ("commence", "start"),
    ("terminate", "end"), ("facilitate", "help"), ("in the event of", "if"),
    ("prior to", "before"), ("forthwith", "now"), ("hereby", "(leave out)"),
    ("aforementioned", "this"), ("notwithstanding", "even though"),
    ("stakeholder", "people involved"), ("service user", "tenant"),
    ("escalate", "pass on"), ("remedial works", "repairs"), ("responsive repairs", "repairs"),
    ("garnish", "take from wages"), ("abandonment", "leaving your home empty"),
    ("ASB", "antisocial behaviour"), ("SLA", "agreed timescale"), ("FAQ", "common questions"),
]

# The starting jargon list's Welsh: for an English word on the list, the word or phrase Welsh
# letters and leaflets use for it, with plain Welsh to say instead (term_cy, plain_cy). Written
# for the Welsh documents a panel checks; left out where Welsh has no jargon of its own for it.
JARGON_CY = {
    "void": ("eiddo gwag", "cartref gwag"),
    "arrears": ("ôl-ddyledion", "rhent sy'n ddyledus"),
    "tenancy sustainment": ("cynnal tenantiaeth", "help i gadw eich cartref"),
    "allocation": ("dyraniad", "cynnig cartref"),
    "mutual exchange": ("cyfnewid cydfuddiannol", "cyfnewid cartref"),
    "decant": ("adleoli dros dro", "eich symud tra bo'r gwaith yn cael ei wneud"),
    "utilise": ("gwneud defnydd o", "defnyddio"),
    "in accordance with": ("yn unol â", "dan"),
    "commence": ("cychwyn", "dechrau"),
    "terminate": ("terfynu", "dod â rhywbeth i ben"),
    "facilitate": ("hwyluso", "helpu"),
    "in the event of": ("yn achos", "os"),
    "prior to": ("yn flaenorol i", "cyn"),
    "forthwith": ("yn ddi-oed", "nawr"),
    "hereby": ("drwy hyn", "(gadewch hyn allan)"),
    "aforementioned": ("a grybwyllwyd uchod", "hwn"),
    "notwithstanding": ("er gwaethaf", "er bod"),
    "stakeholder": ("rhanddeiliad", "pobl sy'n rhan o hyn"),
    "service user": ("defnyddiwr gwasanaeth", "tenant"),
    "escalate": ("uwchgyfeirio", "trosglwyddo"),
    "remedial works": ("gwaith adferol", "atgyweiriadau"),
    "responsive repairs": ("atgyweiriadau ymatebol", "atgyweiriadau"),
    "garnish": ("atafaelu enillion", "cymryd arian o'ch cyflog"),
    "abandonment": ("cefnu ar eiddo", "gadael eich cartref yn wag"),
    "ASB": ("ASB", "ymddygiad gwrthgymdeithasol"),
    "SLA": ("SLA", "amserlen y cytunwyd arni"),
    "FAQ": ("FAQ", "cwestiynau cyffredin"),
}
JARGON_CY = {term.lower(): welsh for term, welsh in JARGON_CY.items()}
