"""The JSON Schema (draft 2020-12) of data/recommendations.json; its descriptions also document the CSV."""

from __future__ import annotations

from ..data.guidance import KINDS
from ..data.recommendations import MENTION_KINDS
from .phrases import SHORT_TITLE_MEANING

SCHEMA_VERSION = "1.3.0"  # 1.1: implemented_by status; mentions of a chapter (issue 13). 1.2: also_concerns;
# short_title is the editors' title (issue 15). 1.3: the CSV's working_together_status column (the JSON's status)

_COLUMN = {"type": "string", "enum": ["recommendation", "response_2009", "progress_2010"],
           "description": "Which text: Lord Laming's recommendation, the Government's response (May 2009) "
                          "or the progress update (March 2010)."}
_STATUS = {"type": "string", "enum": ["implements", "promises"],
           "description": "implements: the progress update (March 2010) says the chapter does it; promises: "
                          "a plan, such as the May 2009 response's 'will'."}
_KEY = {"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"}  # as cross_refs/ spells keys and ids
_URL = {"type": "string", "description": "Address of the page on this site, relative to the site's root."}
_FOUND_BY = {"type": "string", "enum": ["wording", "editors"],
             "description": "\"wording\": found by rule in the recommendation's wording; \"editors\": set by "
                            "the site's editors."}


def _organisations(description: str) -> dict:
    """A list of organisations (addressed_to and also_concerns have the same shape)."""
    return {
        "type": "array", "description": description,
        "items": {
            "type": "object", "additionalProperties": False,
            "required": ["key", "name", "sector", "url"],
            "properties": {
                "key": _KEY,
                "name": {"type": "string"},
                "sector": {"type": "string", "description": "The sector's name."},
                "url": _URL,
            },
        },
    }


SCHEMA: dict = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "Lord Laming's recommendations with their cross-references",
    "description": "Lord Laming's 58 recommendations (March 2009), the Government's response (May 2009) and "
                   "progress update (March 2010) from Annex A of The Government's Response to Lord Laming: "
                   "One Year On, with the chapters of Working Together to Safeguard Children, organisations and "
                   "supporting guidance this site links them to.",
    "type": "object",
    "additionalProperties": False,
    "required": ["schema_version", "source", "text_format", "recommendations"],
    "properties": {
        "schema_version": {"const": SCHEMA_VERSION,
                           "description": "The version of this schema (semantic versioning: a new major number "
                                          "means a field was removed or changed its meaning)."},
        "source": {
            "type": "object", "additionalProperties": False,
            "required": ["title", "part", "author", "date", "copyright"],
            "description": "The document the texts are taken from.",
            "properties": {
                "title": {"type": "string", "description": "The source document's title."},
                "part": {"type": "string", "description": "The part of it that holds the table."},
                "author": {"type": "string", "description": "Its author."},
                "date": {"type": "string", "description": "Its date, as printed."},
                "copyright": {"type": "string", "description": "Its copyright notice."},
            },
        },
        "text_format": {"const": "markdown",
                        "description": "The texts are Markdown, exactly as the site publishes them: asterisks "
                                       "around italic titles, links in square and round brackets, list items "
                                       "starting with a hyphen, blank lines between paragraphs."},
        "recommendations": {
            "type": "array", "minItems": 1,
            "description": "One item per recommendation, in order.",
            "items": {
                "type": "object", "additionalProperties": False,
                "required": ["id", "short_title", "url", "recommendation", "response_2009", "progress_2010",
                             "working_together_chapters", "mentions", "addressed_to", "addressed_to_source",
                             "also_concerns", "also_concerns_source", "guidance"],
                "properties": {
                    "id": {"type": "integer", "minimum": 1,
                           "description": "The recommendation's number (Annex A's \"Ref No\")."},
                    "short_title": {"type": "string", "minLength": 1,
                                    "description": SHORT_TITLE_MEANING},
                    "url": _URL,
                    "recommendation": {"type": "string", "minLength": 1,
                                       "description": "Lord Laming's recommendation (March 2009)."},
                    "response_2009": {"type": "string",
                                      "description": "The Government's response (May 2009); may be empty."},
                    "progress_2010": {"type": "string",
                                      "description": "The progress update (March 2010); may be empty."},
                    "working_together_chapters": {
                        "type": "array",
                        "description": "Chapters of Working Together to Safeguard Children (2010) that the "
                                       "progress update says implement the recommendation, or that the "
                                       "response promised would (status).",
                        "items": {
                            "type": "object", "additionalProperties": False,
                            "required": ["chapter", "title", "title_confirmed", "url", "status", "evidence"],
                            "properties": {
                                "chapter": {"type": "integer", "minimum": 1, "description": "Chapter number."},
                                "title": {"type": "string", "description": "Chapter title."},
                                "title_confirmed": {"type": "boolean",
                                                    "description": "False if the title has not been checked "
                                                                   "against the published text."},
                                "url": _URL,
                                "status": dict(_STATUS, description=(
                                    "implements if any evidence says the chapter does it; promises if the "
                                    "texts only promised it would.")),
                                "evidence": {
                                    "type": "array", "minItems": 1,
                                    "description": "The words of the text that name the chapter.",
                                    "items": {"type": "object", "additionalProperties": False,
                                              "required": ["status", "column", "quote"],
                                              "properties": {"status": _STATUS, "column": _COLUMN,
                                                             "quote": {"type": "string", "minLength": 1}}},
                                },
                            },
                        },
                    },
                    "mentions": {
                        "type": "array",
                        "description": "Other things the texts name: Working Together as a whole, guidance, "
                                       "legislation, or a chapter of Working Together named without being "
                                       "said to implement the recommendation (with its number in chapter).",
                        "items": {
                            "type": "object", "additionalProperties": False,
                            "required": ["kind", "name", "column", "quote"],
                            "properties": {
                                "kind": {"type": "string", "enum": list(MENTION_KINDS)},
                                "name": {"type": "string"},
                                "chapter": {"type": "integer", "minimum": 1,
                                            "description": "working-together-chapter only: the chapter."},
                                "column": _COLUMN,
                                "quote": {"type": "string", "minLength": 1},
                            },
                        },
                    },
                    "addressed_to": _organisations(
                        "The organisations the recommendation's wording says must or should act."),
                    "addressed_to_source": _FOUND_BY,
                    "also_concerns": _organisations(
                        "Other organisations the wording names, or whose services it names, as affected without "
                        "asking them to act; never one of addressed_to."),
                    "also_concerns_source": _FOUND_BY,
                    "guidance": {
                        "type": "array",
                        "description": "Entries of the site's Supporting guidance register that the texts name.",
                        "items": {
                            "type": "object", "additionalProperties": False,
                            "required": ["id", "title", "kind", "url", "columns"],
                            "properties": {
                                "id": _KEY,
                                "title": {"type": "string"},
                                "kind": {"type": "string", "enum": list(KINDS)},
                                "url": _URL,
                                "columns": {"type": "array", "minItems": 1, "items": _COLUMN},
                            },
                        },
                    },
                },
            },
        },
    },
}
