"""Held-aside search questions: written and committed before any change to the ranking, never edited since.

Each question is one a practitioner might type. The pages were chosen by reading the sources (the
recommendations in cross_refs/recommendations.yaml and the Markdown pages under docs/) BEFORE the query
was run. A question is answered when ANY of its pages is among the results (success@k: within the first k;
MRR@10: one over the rank of the first right page). benchmarks/search_quality.py reports these questions
apart from the tuning set in tests/search_queries.py, so the figures show what a new question gets.

Do not edit, reorder or add to this file: add new questions to tests/search_queries.py instead.
"""

from __future__ import annotations


def rec(*numbers: int) -> tuple[str, ...]:
    return tuple(f"recommendations/{n}.html" for n in numbers)


OYO_2 = "one-year-on/chapter-2.html"
CA_2 = "chief-adviser/chapter-2.html"
SCR_RECS = rec(39, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49)

# category -> {query: pages of which one must be found}
HELD_ASIDE: dict[str, dict[str, tuple[str, ...]]] = {
    "numbers": {
        "rec 3": rec(3),
        "recommendation 44": rec(44),
        "R27": rec(27),
        "51": rec(51),
        "paragraph 45": ("chief-adviser/chapter-3.html", OYO_2),
        "recommendation 9 children and young people's plan": rec(9),
    },
    "abbreviations": {
        "SCR": SCR_RECS + ("working-together/chapter-8.html", "chief-adviser/chapter-4.html", OYO_2),
        "GSCC": rec(26, 31) + ("organisations/gscc.html",),
        "ICS": rec(17, 18) + (OYO_2,),
        "HMIC": rec(37, 38, 47) + ("organisations/hmic.html", OYO_2),
        "PCT safeguarding performance": rec(5),
        "NQSW": (OYO_2, "chief-adviser/chapter-1.html"),
        "CQC inspection framework": rec(37, 38),
    },
    "organisations": {
        "Ministry of Justice": rec(57, 58) + ("organisations/moj.html",),
        "Loughborough University": rec(50),
        "Children's Workforce Development Council": rec(28) + ("organisations/cwdc.html",),
        "HM Treasury": rec(54) + ("organisations/hm-treasury.html",),
        "Home Office police": rec(36, 54) + ("organisations/home-office.html",),
        "Social Work Reform Board": (OYO_2, CA_2),
    },
    "topics": {
        "court fees": rec(58),
        "health visitors": rec(32, 33, 25),
        "supervision time for social workers": rec(15),
        "care proceedings delays": rec(57),
        "English language test": rec(28),
        "protected budgets": rec(54),
        "Family Nurse Partnership": (CA_2,) + rec(33),
        "child seen alone": rec(13),
    },
    "spellings": {
        "pediatric specialist": rec(25),
        "multi agency training": rec(30),
        "caseloads": rec(24) + ("chief-adviser/chapter-3.html",),
        "safegaurding board chair": rec(51),
        "postgraduate qualifcation": rec(27),
        "recruitment and retension": rec(24),
        "pediatricians midwives training": rec(35),
    },
    "questions": {
        "should the same person chair the children's trust and the LSCB": rec(51),
        "how often should ofsted report lessons from serious case reviews": rec(49),
        "what training must serious case review panel chairs complete": rec(45),
        "do GPs have a statutory duty to comply with child protection legislation": rec(34),
        "who must make sure police child protection teams are well resourced": rec(36),
        "can children in need get early access to specialist services": rec(14),
    },
}
