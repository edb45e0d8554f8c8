"""The words of the demo reviews (fictional, in the shape of the SURE Team's real reviews)."""

from decimal import Decimal as D

from reviews.models import Stage

S, E, A, R, L, M = (Stage.SCOPING, Stage.EVIDENCE, Stage.ANALYSIS, Stage.REPORTING, Stage.RESPONSE,
                    Stage.MONITORING)

COMPLAINTS = {
    "title": "Complaints handling",
    "area": "Complaints",
    "start": 450, "end": 330,
    "stages": [(S, 450), (E, 430), (A, 370), (R, 340), (L, 300), (M, 268)],
    "scope": (
        "How Housing Services handle tenants' complaints: how complaints are recognised and "
        "recorded, how quickly stage 1 and stage 2 complaints are answered under the model "
        "complaints handling procedure, where tenants can make a complaint in private, and how "
        "complaints performance is reported to tenants.\n\n"
        "Out of scope: complaints about other council services, and individual complaints."
    ),
    "method": (
        "A desktop review of the complaints policy and procedure and of a year of complaints "
        "figures; interviews with frontline and complaints staff; a visit to a local housing office."
    ),
    "questions": [
        "Do staff recognise and record a complaint the first time a tenant raises it?",
        "Are stage 1 and stage 2 complaints answered within 5 and 20 working days?",
        "Can tenants make a complaint in private at local offices?",
        "How well is complaints performance reported to tenants?",
    ],
    "documents": [
        {
            "key": "policy", "format": "pdf", "file": "complaints-policy",
            "title": "Housing complaints policy and procedure",
            "source": "Housing Services",
            "description": "The policy staff follow, with the two stages and their timescales.",
            "text": [
                "Stage 1 (frontline resolution): we will answer within 5 working days.",
                "Stage 2 (investigation): we will acknowledge within 3 working days and answer within 20.",
                "Every complaint is recorded on the complaints system, however it is made.",
            ],
        },
        {
            "key": "letters", "format": "txt", "file": "complaint-letters",
            "title": "Sample of 20 complaint response letters",
            "source": "Complaints team", "description": "Names removed. Read by three panel members.",
            "text": [
                "Letters were chosen at random from the last quarter.",
                "Stage 2 letters explained what was found and what would change.",
            ],
        },
    ],
    "figures": [
        {"key": "stage1", "measure": "Stage 1 complaints answered within 5 working days",
         "value": D("78.0"), "unit": "%", "period": "Last financial year", "target": D("90"),
         "comparison_value": D("85.3"), "comparison_label": "Average of similar landlords",
         "higher_is_better": True, "description": "Down from 83% the year before."},
        {"key": "stage2", "measure": "Stage 2 complaints answered within 20 working days",
         "value": D("71.0"), "unit": "%", "period": "Last financial year", "target": D("90"),
         "comparison_value": D("80.1"), "comparison_label": "Average of similar landlords",
         "higher_is_better": True, "description": ""},
        {"key": "satisfied", "measure": "Tenants satisfied with how their complaint was handled",
         "value": D("54.0"), "unit": "%", "period": "Last financial year", "target": D("70"),
         "comparison_value": None, "comparison_label": "", "higher_is_better": True,
         "description": "From the complaints follow-up survey (112 replies)."},
    ],
    "interviews": [
        {"key": "adviser", "role": "Customer service adviser, local housing office", "day": 10,
         "questions": ("When do you record something as a complaint?\n"
                       "Where do you talk to a tenant who is upset?"),
         "notes": ("Said they would only record a complaint if the tenant used the word 'complaint'. "
                   "Phone complaints are often passed to the housing officer by email and not logged. "
                   "There is an interview room but it is used for storage at the moment.")},
        {"key": "officer", "role": "Complaints officer", "day": 12,
         "questions": "How are stage 2 investigations run?\nHow are figures reported?",
         "notes": ("Stage 2 investigations are done by a manager from another area. "
                   "Figures go to the management team monthly; tenants see one figure a year.")},
    ],
    "site_visit": {
        "key": "office", "place": "North area housing office reception",
        "notes": ("The reception counter is open plan and the queue stands close behind. "
                  "No sign tells tenants they can ask to speak in private. Leaflets on complaints "
                  "were out of date."),
        "photo": "The reception counter, with the queue standing close behind it",
    },
    "findings": [
        {"kind": "weakness", "question": 1, "evidence": ["adviser", "policy"],
         "statement": ("Frontline staff were unsure when a tenant's dissatisfaction counts as a "
                       "complaint, so some complaints made by phone or in person are not recorded."),
         "comments": [("sure_chair", "agree", ""),
                      ("sure_member", "add", "Two tenants at the open meeting said the same.")]},
        {"kind": "weakness", "question": 2, "evidence": ["stage1", "stage2"],
         "statement": ("Only 78% of stage 1 complaints and 71% of stage 2 complaints were answered "
                       "on time, well below the 90% target.")},
        {"kind": "strength", "question": 2, "evidence": ["letters", "officer"],
         "statement": ("Stage 2 investigations are independent and the letters explain clearly "
                       "what was found and what will change.")},
        {"kind": "weakness", "question": 3, "evidence": ["office", "adviser"],
         "statement": ("Tenants cannot easily make a complaint in private: the interview room at the "
                       "North office is used for storage and no sign offers a private space."),
         "comments": [("sure_member", "agree", "")]},
        {"kind": "observation", "question": 4, "evidence": ["officer", "satisfied"],
         "statement": ("Complaints performance is reported to tenants as one figure a year, with "
                       "nothing on what was learned from complaints.")},
    ],
}

REPAIRS = {
    "title": "Communications in the repairs service",
    "area": "Repairs",
    "start": 420, "end": 300,
    "stages": [(S, 420), (E, 400), (A, 350), (R, 320), (L, 290), (M, 250)],
    "scope": (
        "How Repairs staff and contractors communicate with tenants from reporting a repair to "
        "finishing it: appointments, letters and text messages, updates when a job is delayed, "
        "and how tenants' satisfaction with repairs is gathered and used.\n\n"
        "Out of scope: the quality of the repairs themselves and planned improvement work."
    ),
    "method": (
        "A desktop review of standard letters and text messages and of repairs figures; "
        "interviews with the repairs call centre and a trades supervisor; a visit to the call centre."
    ),
    "questions": [
        "Do tenants know when their repair will be done and who will do it?",
        "Are tenants told when an appointment changes?",
        "How does the service gather and use tenants' views of repairs?",
    ],
    "documents": [
        {
            "key": "letters", "format": "txt", "file": "repair-letters-and-texts",
            "title": "Standard repair letters and text messages",
            "source": "Repairs Service",
            "description": "Every standard message a tenant can receive about a repair.",
            "text": [
                "Text: Your repair is booked for {date} {am/pm}. Reply CHANGE to rearrange.",
                "Letter: We have received your repair request. Reference {number}.",
                "There is no message for a job that is moved or delayed.",
            ],
        },
        {
            "key": "survey", "format": "pdf", "file": "repairs-survey",
            "title": "Repairs satisfaction survey questions",
            "source": "Repairs Service", "description": "The phone survey used for 1 in 10 finished jobs.",
            "text": ["Were you happy with the time the repair took?",
                     "Did the tradesperson keep the appointment?"],
        },
    ],
    "figures": [
        {"key": "kept", "measure": "Repair appointments kept", "value": D("92.0"), "unit": "%",
         "period": "Last financial year", "target": D("95"), "comparison_value": D("95.5"),
         "comparison_label": "Average of similar landlords", "higher_is_better": True, "description": ""},
        {"key": "satisfied", "measure": "Tenants satisfied with the repairs service", "value": D("84.0"),
         "unit": "%", "period": "Last financial year", "target": None, "comparison_value": D("90.2"),
         "comparison_label": "National average", "higher_is_better": True, "description": ""},
        {"key": "days", "measure": "Average time to complete non-emergency repairs", "value": D("8.4"),
         "unit": " days", "period": "Last financial year", "target": D("10"),
         "comparison_value": D("7.9"), "comparison_label": "Average of similar landlords",
         "higher_is_better": False, "description": ""},
    ],
    "interviews": [
        {"key": "callcentre", "role": "Repairs call centre team leader", "day": 8,
         "questions": "What happens when a tradesperson cannot make an appointment?",
         "notes": ("The trades team tell the call centre by phone. The call centre tries to ring "
                   "the tenant but there is no text message and no record of whether they got through.")},
        {"key": "supervisor", "role": "Repairs supervisor (trades)", "day": 9,
         "questions": "Do trades staff see what tenants say about their work?",
         "notes": "Survey results go to managers; trades staff do not see them."},
    ],
    "site_visit": {
        "key": "callcentre_visit", "place": "Repairs call centre",
        "notes": ("Calls were answered quickly and staff were polite. Staff could not see the "
                  "tradesperson's live schedule, so could not tell tenants when someone would arrive."),
        "photo": "Call centre desks with two screens each",
    },
    "findings": [
        {"kind": "strength", "question": 1, "evidence": ["callcentre_visit", "kept"],
         "statement": "Calls to the repairs line are answered quickly and staff are polite and helpful."},
        {"kind": "weakness", "question": 2, "evidence": ["letters", "callcentre"],
         "statement": ("Tenants are not told reliably when an appointment is moved: there is no text "
                       "message for a changed or delayed job."),
         "comments": [("sure_chair", "agree", ""),
                      ("tenant", "add", "This happened to me twice last winter.")]},
        {"kind": "observation", "question": 3, "evidence": ["survey", "supervisor", "satisfied"],
         "statement": ("Satisfaction is gathered for 1 in 10 jobs, but the results are not shared with "
                       "the trades staff who did the work.")},
    ],
}

NEXT_REVIEW = {
    "title": "Anti-social behaviour policies",
    "area": "Anti-social behaviour",
    "start": 40, "end": -150,
    "stages": [(S, 40), (E, 10)],
    "scope": (
        "How the landlord's anti-social behaviour policies work for tenants who report a problem: "
        "how reports are taken, kept in touch with and closed."
    ),
    "method": "Policies and figures first, then interviews with the housing team and tenants who reported.",
    "questions": [
        "Do tenants who report anti-social behaviour know what will happen next?",
        "Are tenants kept informed until the case is closed?",
    ],
}
