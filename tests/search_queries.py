"""Real queries a practitioner would type, each with the page(s) that must be among the top three results.

Every query comes from words in the sources (or, for the generated pages, their titles). The ranking is
checked by tests/test_search_ranking.py with the Python port over the site's own search_index.json, and a
subset (BROWSER_QUERIES) by tests/browser in Chromium with Material's own search.
"""

from __future__ import annotations

ONE_YEAR_ON_2 = "one-year-on/chapter-2.html"
NSPCC_LETTER = "correspondence/2009-02-03-letter-on-nspcc-proposals.html"

# query -> pages that must all be in the top three (a page is the file the result opens, without #anchor)
TOP_THREE: dict[str, tuple[str, ...]] = {
    # The must-show: rec 12 asks for A&E staff to know whether a child is subject to a protection plan.
    "Accident and Emergency": ("recommendations/12.html",),
    "A&E": ("recommendations/12.html",),
    # Recommendation and paragraph numbers.
    "recommendation 12": ("recommendations/12.html",),
    "rec 12": ("recommendations/12.html",),
    "Recommendation 58": ("recommendations/58.html",),
    "rec 37": ("recommendations/37.html",),
    "paragraph 23": (ONE_YEAR_ON_2, "chief-adviser/chapter-2.html"),
    "paragraph 64": (ONE_YEAR_ON_2, "chief-adviser/chapter-4.html"),
    "para 81": ("chief-adviser/chapter-5.html",),
    "paragraph 90": ("one-year-on/chapter-3.html",),
    # Quoting a number asks for it exactly (see the single-digit note in the report).
    '"recommendation 5"': ("recommendations/5.html",),
    '"paragraph 7"': ("one-year-on/chapter-1.html", "chief-adviser/chapter-1.html"),
    # Abbreviations and their expansions, both ways.
    "LSCB": (ONE_YEAR_ON_2,),
    "Local Safeguarding Children Board": ("working-together/chapter-3.html",),
    "NSDU": (ONE_YEAR_ON_2,),
    "National Safeguarding Delivery Unit": (ONE_YEAR_ON_2,),
    "CAF": (ONE_YEAR_ON_2,),
    "Common Assessment Framework": (ONE_YEAR_ON_2,),
    "MARAC": (ONE_YEAR_ON_2,),
    "Care Quality Commission": (ONE_YEAR_ON_2,),
    "director of children's services": (ONE_YEAR_ON_2,),
    # Topics and names from the documents.
    "serious case review": ("working-together/chapter-8.html",),
    "Serious Case Review template": ("one-year-on/annex-b.html",),
    "Integrated Children's System": (ONE_YEAR_ON_2,),
    "ContactPoint": (ONE_YEAR_ON_2,),
    "Hull City Council": (ONE_YEAR_ON_2,),
    "Portsmouth Primary Care Trust": (ONE_YEAR_ON_2,),
    "Solution Focused Brief Therapy": (ONE_YEAR_ON_2,),
    "child neglect": (ONE_YEAR_ON_2,),
    "Social Work Task Force": (ONE_YEAR_ON_2,),
    "Do it now, do it right, intervene early": ("one-year-on/chapter-3.html",),
    "Relationships are crucial": ("one-year-on/chapter-1.html",),
    "Government Office": ("one-year-on/annex-c.html",),
    "Cafcass": ("chief-adviser/chapter-1.html",),
    "Moria Gibb": ("chief-adviser/annex-a.html",),
    "Pat Cantrill": ("chief-adviser/chapter-4.html",),
    "physical punishment": ("chief-adviser/annex-b.html",),
    "childminders": ("chief-adviser/annex-b.html",),
    "Baby P": (NSPCC_LETTER,),
    "Tessa Jowell": (NSPCC_LETTER,),
    "progress report on safeguarding": ("correspondence/2008-11-17-letter-to-lord-laming.html",),
    "Working Together chapter 8": ("working-together/chapter-8.html",),
    "Managing individuals who pose a risk": ("working-together/chapter-12.html",),
}

# Run in Chromium too: the must-show, each kind of query above, and the quoted form.
BROWSER_QUERIES = (
    "Accident and Emergency", "A&E", "rec 12", "paragraph 23", '"recommendation 5"', "LSCB",
    "Local Safeguarding Children Board", "director of children's services", "Baby P", "Pat Cantrill",
)

# Every tuning question for benchmarks/search_quality.py: query -> pages of which one must be found.
# Added for issue 14, pages chosen from the recommendations' text before the queries were run.
MORE_QUESTIONS: dict[str, tuple[str, ...]] = {
    "child being seen alone": ("recommendations/13.html",),
    "police child protection teams": ("recommendations/36.html",),
    "SCR": ("recommendations/40.html", "working-together/chapter-8.html", "one-year-on/chapter-2.html"),
    "rec 3": ("recommendations/3.html",),
    "R3": ("recommendations/3.html",),
    "recommendation 3": ("recommendations/3.html",),
    "7": ("recommendations/7.html",),
    "organizations": ("recommendations/3.html", "organisations/index.html"),
    "pediatrician": ("recommendations/35.html",),
    "multi-agency training": ("recommendations/30.html",),
    "case-loads": ("recommendations/24.html",),
    "CAF": ("one-year-on/chapter-2.html", "working-together/chapter-2.html"),
    "independent panel chairs and overview authors": ("recommendations/44.html",),
    "Home Secretary": ("recommendations/1.html",),
    "HMI Probation": ("recommendations/37.html", "recommendations/38.html", "organisations/hmi-probation.html"),
    "named co-located police representative": ("recommendations/25.html",),
    "conversion qualification internationally qualified social workers": ("recommendations/28.html",),
    "Code of Practice for Social Workers": ("recommendations/31.html",),
    "inspection of schools child protection": ("recommendations/10.html",),
    "points of referral": ("recommendations/6.html", "recommendations/11.html"),
    "National Indicator Set": ("recommendations/4.html",),
    "annual report on the effectiveness of safeguarding": ("recommendations/53.html",),
    "supervison": ("recommendations/15.html", "recommendations/16.html"),
    "what should a serious case review executive summary contain": ("recommendations/43.html",),
    "which services should sit on the LSCB": ("recommendations/22.html", "recommendations/52.html"),
}

ALL_QUERIES: dict[str, tuple[str, ...]] = {**TOP_THREE, **MORE_QUESTIONS}
