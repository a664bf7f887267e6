//! The OpenAPI 3.1 document, written by hand so it says exactly what the handlers do.

use axum::Json;
use serde_json::{json, Value};

fn list_param(name: &str, what: &str) -> Value {
    json!({
        "name": name, "in": "query", "required": false, "explode": true,
        "description": format!("{what}; repeat the parameter for alternatives (any of)."),
        "schema": {"type": "array", "items": {"type": "string"}}
    })
}

fn error_response(what: &str) -> Value {
    json!({"description": what, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}})
}

/// The document itself (also used by the tests to check every documented path exists).
pub fn spec() -> Value {
    let prediction = json!({
        "type": "object", "required": ["label", "confidence", "cues"],
        "properties": {
            "label": {"type": "string", "description": "Task spelling, e.g. Loaded_Language"},
            "confidence": {"type": "number", "minimum": 0, "maximum": 1},
            "cues": {"type": "array", "items": {"type": "string"}, "description": "Terms in the text that pushed towards the label, strongest first"}
        }
    });
    let facet = json!({"type": "array", "items": {"type": "object", "properties": {"value": {"type": "string"}, "count": {"type": "integer"}}}});
    json!({
        "openapi": "3.1.0",
        "info": {
            "title": "newsprism API",
            "version": env!("CARGO_PKG_VERSION"),
            "description": "Search and read analysed news articles: genre, framing and paragraph-level persuasion techniques with cue words, and outlet persuasion profiles. Stories group articles about the same event across outlets and languages."
        },
        "paths": {
            "/api/search": {"get": {
                "summary": "Full-text search with filters and facet counts",
                "parameters": [
                    {"name": "q", "in": "query", "schema": {"type": "string", "maxLength": 1000}, "description": "Words (all must match, stemmed per language), \"phrases\", -exclusions. Empty: all articles passing the filters."},
                    list_param("lang", "ISO 639-1 code of the detected language"),
                    list_param("outlet", "Outlet name as in the facets; `(unknown)` for articles without one"),
                    list_param("genre", "opinion, reporting or satire"),
                    list_param("frame", "Framing dimension, e.g. Political"),
                    list_param("technique", "Persuasion technique, e.g. Loaded_Language"),
                    {"name": "from", "in": "query", "schema": {"type": "string"}, "description": "Published on or after (YYYY, YYYY-MM or YYYY-MM-DD)"},
                    {"name": "to", "in": "query", "schema": {"type": "string"}, "description": "Published on or before (inclusive; YYYY-MM means to the end of that month)"},
                    {"name": "sort", "in": "query", "schema": {"type": "string", "enum": ["relevance", "newest"]}},
                    {"name": "offset", "in": "query", "schema": {"type": "integer", "minimum": 0}},
                    {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 200, "default": 20}},
                    {"name": "page", "in": "query", "schema": {"type": "integer", "minimum": 1}, "description": "1-based page; overrides offset"}
                ],
                "responses": {
                    "200": {"description": "A page of results", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/SearchResults"}}}},
                    "400": error_response("Bad parameter (message says which)")
                }
            }},
            "/api/articles": {"post": {
                "summary": "Analyse and store one article",
                "description": "Needs the server's bearer token. The same article (same URL, or same outlet and text) is stored once: posting it again answers 200 with status `duplicate`.",
                "security": [{"bearer": []}],
                "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/NewArticle"}}}},
                "responses": {
                    "201": {"description": "Stored", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/PostResult"}}}},
                    "200": {"description": "Already stored", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/PostResult"}}}},
                    "400": error_response("Malformed JSON"),
                    "401": error_response("Missing or wrong bearer token"),
                    "403": error_response("Writes disabled on this server"),
                    "413": {"description": "Body larger than 2 MiB"},
                    "422": error_response("JSON is valid but not an article (e.g. no text)")
                }
            }},
            "/api/articles/{id}": {"get": {
                "summary": "One article with its full analysis (paragraphs, techniques, cues, frames, genre)",
                "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
                "responses": {
                    "200": {"description": "The article", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/StoredArticle"}}}},
                    "404": error_response("No such article")
                }
            }},
            "/api/outlets": {"get": {
                "summary": "All outlets, most articles first",
                "responses": {"200": {"description": "Outlets", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/OutletSummary"}}}}}}
            }},
            "/api/outlets/{name}": {"get": {
                "summary": "An outlet's persuasion profile, with archive-wide figures for comparison",
                "parameters": [{"name": "name", "in": "path", "required": true, "schema": {"type": "string"}, "description": "Outlet name, percent-encoded; `(unknown)` for articles without one"}],
                "responses": {
                    "200": {"description": "Profile", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/OutletProfile"}}}},
                    "404": error_response("No articles from this outlet")
                }
            }},
            "/api/stats": {"get": {
                "summary": "Store size and text-index lag",
                "responses": {"200": {"description": "Counts", "content": {"application/json": {"schema": {"type": "object", "properties": {"articles": {"type": "integer"}, "outlets": {"type": "integer"}, "index_lag": {"type": "integer"}}}}}}}
            }},
            "/api/stories": {"get": {
                "summary": "Stories: groups of stored articles reporting the same event, largest first",
                "description": "Computed over the whole archive and cached until it grows. Story ids number the stories of one snapshot (the archive size in `snapshot`).",
                "responses": {"200": {"description": "Stories", "content": {"application/json": {"schema": {"type": "object", "properties": {
                    "snapshot": {"type": "integer"},
                    "stories": {"type": "array", "items": {"type": "object", "properties": {
                        "id": {"type": "integer"}, "label": {"type": "array", "items": {"type": "string"}},
                        "title": {"type": ["string", "null"]}, "first_published": {"type": ["string", "null"]}, "last_published": {"type": ["string", "null"]},
                        "articles": {"type": "integer"}, "outlets": {"type": "array", "items": {"type": "string"}},
                        "independent_outlets": {"type": "array", "items": {"type": "string"}}, "languages": {"type": "array", "items": {"type": "string"}}
                    }}}
                }}}}}}
            }},
            "/api/stories/{id}": {"get": {
                "summary": "One story: members (with repost/translation links), corroborated, single-source and conflicting claims, and each outlet's persuasion profile",
                "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "integer"}}],
                "responses": {
                    "200": {"description": "The story (schema as `newsprism stories --format json`)", "content": {"application/json": {"schema": {"type": "object", "properties": {"snapshot": {"type": "integer"}, "story": {"type": "object"}}}}}},
                    "404": error_response("No such story in the current snapshot")
                }
            }},
            "/openapi.json": {"get": {"summary": "This document", "responses": {"200": {"description": "OpenAPI 3.1"}}}},
            "/healthz": {"get": {"summary": "Liveness", "responses": {"200": {"description": "ok"}}}}
        },
        "components": {
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
            "schemas": {
                "Error": {"type": "object", "required": ["error"], "properties": {"error": {"type": "string"}}},
                "Prediction": prediction,
                "NewArticle": {
                    "type": "object", "required": ["text"],
                    "description": "Same fields as a line of JSONL input.",
                    "properties": {
                        "id": {"type": ["string", "integer"]},
                        "text": {"type": "string", "description": "One paragraph per line"},
                        "title": {"type": "string"}, "url": {"type": "string"},
                        "source": {"type": "string", "description": "Outlet"},
                        "lang": {"type": "string", "description": "Declared language (detection still runs)"},
                        "published": {"type": "string", "description": "ISO 8601 date or date-time"},
                        "author": {"type": "string"}
                    }
                },
                "PostResult": {"type": "object", "properties": {
                    "id": {"type": "string"}, "status": {"type": "string", "enum": ["stored", "duplicate"]},
                    "href": {"type": "string"}, "page": {"type": "string"}
                }},
                "Snippet": {"type": "object", "properties": {
                    "text": {"type": "string"},
                    "highlights": {"type": "array", "items": {"type": "array", "items": {"type": "integer"}, "minItems": 2, "maxItems": 2}, "description": "Byte ranges of `text` matching the query"}
                }},
                "SearchHit": {"type": "object", "properties": {
                    "id": {"type": "string"}, "title": {"type": ["string", "null"]}, "outlet": {"type": ["string", "null"]},
                    "lang": {"type": "string"}, "published": {"type": ["string", "null"]}, "genre": {"type": "string"},
                    "frames": {"type": "array", "items": {"type": "string"}},
                    "techniques": {"type": "array", "items": {"type": "string"}},
                    "score": {"type": ["number", "null"]},
                    "snippet": {"$ref": "#/components/schemas/Snippet"}
                }},
                "SearchResults": {"type": "object", "properties": {
                    "total": {"type": "integer"}, "offset": {"type": "integer"}, "limit": {"type": "integer"},
                    "hits": {"type": "array", "items": {"$ref": "#/components/schemas/SearchHit"}},
                    "facets": {"type": "object", "description": "Each dimension counted with the other filters applied", "properties": {
                        "lang": facet, "outlet": facet, "genre": facet, "frame": facet, "technique": facet, "month": facet
                    }},
                    "warnings": {"type": "array", "items": {"type": "string"}}
                }},
                "StoredArticle": {"type": "object", "properties": {
                    "id": {"type": "string"}, "input_id": {"type": "string"}, "outlet": {"type": ["string", "null"]},
                    "lang": {"type": "string"}, "ingested_at": {"type": "string"},
                    "analysis": {"type": "object", "description": "ArticleAnalysis (docs/output-schema.md)", "properties": {
                        "genre": {"$ref": "#/components/schemas/Prediction"},
                        "frames": {"type": "array", "items": {"$ref": "#/components/schemas/Prediction"}},
                        "paragraphs": {"type": "array", "items": {"type": "object", "properties": {
                            "line": {"type": "integer"}, "text": {"type": "string"},
                            "techniques": {"type": "array", "items": {"$ref": "#/components/schemas/Prediction"}}
                        }}}
                    }}
                }},
                "OutletSummary": {"type": "object", "properties": {
                    "outlet": {"type": ["string", "null"]}, "articles": {"type": "integer"}, "words": {"type": "integer"},
                    "technique_density": {"type": "number", "description": "Techniques per 1,000 words"},
                    "languages": facet
                }},
                "OutletProfile": {"type": "object", "properties": {
                    "summary": {"$ref": "#/components/schemas/OutletSummary"},
                    "paragraphs": {"type": "integer"},
                    "archive_technique_density": {"type": "number"},
                    "genres": {"$ref": "#/components/schemas/LabelShares"},
                    "frames": {"$ref": "#/components/schemas/LabelShares"},
                    "techniques": {"$ref": "#/components/schemas/LabelShares"},
                    "first_published": {"type": ["string", "null"]}, "last_published": {"type": ["string", "null"]}
                }},
                "LabelShares": {"type": "array", "items": {"type": "object", "properties": {
                    "label": {"type": "string"}, "count": {"type": "integer"},
                    "share": {"type": "number", "description": "Of the outlet's articles (genres, frames) or paragraphs (techniques)"},
                    "archive_share": {"type": "number"}
                }}}
            }
        }
    })
}

pub async fn document() -> Json<Value> {
    Json(spec())
}
