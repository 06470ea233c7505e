"""End-to-end check of the example MCP server with the official Python MCP client.

Run by tests/mcp_python.rs of the crate examples/mcp_server (cargo builds the server binary; the
test prepares a database and installs the `mcp` package into a virtualenv):

    python tests/mcp_client.py SERVER_BINARY CLIENT_ID

The server is started as a subprocess over stdio with DATABASE_URL taken from this process's
environment. The script lists the tools, calls get_customer, record_nps_response, nps_summary,
search_customers, customer_tickets, update_ticket_status and upsert_health_score, checks that bad
arguments (out-of-range score, unknown enum value, unknown customer or ticket, malformed cursor)
come back as tool errors, and prints one JSON line with what it saw, which the Rust test checks
against the database. Exits non-zero with a message on stderr on any failure.
"""

import asyncio
import json
import os
import sys

from mcp import Client, StdioServerParameters

EXPECTED_TOOLS = {
    "churn_risk_list",
    "create_support_ticket",
    "csm_customers",
    "csm_workload",
    "customer_tickets",
    "get_customer",
    "health_dashboard",
    "nps_summary",
    "record_nps_response",
    "renewal_pipeline",
    "search_customers",
    "sla_monitoring",
    "update_ticket_status",
    "upsert_health_score",
}


def text_of(result) -> str:
    return "\n".join(c.text for c in result.content if getattr(c, "type", None) == "text")


def tool_error(result, tool: str) -> str:
    """The text of a result that must be a tool error (not a protocol error, not a success)."""
    if not result.is_error:
        raise AssertionError(f"{tool} should have failed: {text_of(result)}")
    return text_of(result)


def structured(result, tool: str) -> dict:
    if result.is_error:
        raise AssertionError(f"{tool} failed: {text_of(result)}")
    if result.structured_content is not None:
        return result.structured_content
    # Clients of older protocol versions may only get the text block; it holds the same JSON.
    return json.loads(text_of(result))


async def main(server: str, client_id: str) -> dict:
    database_url = os.environ.get("DATABASE_URL")
    if not database_url:
        raise AssertionError("DATABASE_URL must be set for the server")
    params = StdioServerParameters(
        command=server,
        args=["--no-demo"],
        # The stdio client passes only a few safe variables by default; the server needs the
        # database. RUST_LOG keeps its stderr quiet.
        env={"DATABASE_URL": database_url, "RUST_LOG": "warn"},
    )
    async with Client(params) as client:
        tools = await client.list_tools()
        names = {t.name for t in tools.tools}
        if names != EXPECTED_TOOLS:
            raise AssertionError(f"unexpected tools: {sorted(names)}")
        schema = next(t for t in tools.tools if t.name == "record_nps_response").input_schema
        if schema["properties"]["score"]["type"] != "integer":
            raise AssertionError(f"score schema: {schema['properties']['score']}")

        customer = structured(
            await client.call_tool("get_customer", {"client_id": client_id}), "get_customer"
        )

        response = structured(
            await client.call_tool(
                "record_nps_response",
                {
                    "client_id": client_id,
                    "score": 10,
                    "respondent_email": "py@example.com",
                    "respondent_name": "Python client",
                    "reason": "recorded by tests/mcp_client.py",
                },
            ),
            "record_nps_response",
        )

        bad = await client.call_tool(
            "record_nps_response",
            {
                "client_id": client_id,
                "score": 42,
                "respondent_email": "py@example.com",
                "respondent_name": "Python client",
            },
        )
        if not bad.is_error:
            raise AssertionError(f"score 42 was accepted: {text_of(bad)}")

        # Still serving after the error.
        again = structured(
            await client.call_tool("get_customer", {"client_id": client_id}), "get_customer"
        )

        # The tools of issue 11. NPS of every answer ever, per CSM, and of this customer.
        nps_by_csm = structured(
            await client.call_tool(
                "nps_summary", {"from": "2000-01-01", "to": "2100-01-01", "group_by": "csm"}
            ),
            "nps_summary",
        )
        nps_customer = structured(
            await client.call_tool(
                "nps_summary",
                {"from": "2000-01-01", "to": "2100-01-01", "client_id": client_id},
            ),
            "nps_summary",
        )

        # Active customers, two per page, following next_cursor to the end.
        searched = []
        args = {"status": ["active"], "limit": 2}
        for _ in range(1000):
            page = structured(await client.call_tool("search_customers", args), "search_customers")
            searched.extend(c["client_id"] for c in page["rows"])
            if page["next_cursor"] is None:
                break
            args["cursor"] = page["next_cursor"]
        else:
            raise AssertionError("search_customers: the walk did not end")

        open_statuses = ["open", "in_progress", "waiting_on_customer", "waiting_on_engineering", "reopened"]
        tickets = structured(
            await client.call_tool(
                "customer_tickets", {"client_id": client_id, "status": open_statuses, "limit": 500}
            ),
            "customer_tickets",
        )
        ticket_id = customer["open_tickets"]["listed"][0]["ticket_id"]
        resolved = structured(
            await client.call_tool(
                "update_ticket_status",
                {"ticket_id": ticket_id, "status": "resolved", "resolution_notes": "fixed by py"},
            ),
            "update_ticket_status",
        )
        health = structured(
            await client.call_tool(
                "upsert_health_score",
                {
                    "client_id": client_id,
                    "usage": 80,
                    "engagement": 70,
                    "support": 60,
                    "satisfaction": 50,
                    "payment": 40,
                },
            ),
            "upsert_health_score",
        )
        after = structured(
            await client.call_tool("get_customer", {"client_id": client_id}), "get_customer"
        )

        # Bad arguments: each a tool error that says what is wrong.
        errors = {
            "nps_group_by": tool_error(
                await client.call_tool("nps_summary", {"group_by": "weekly"}), "nps_summary"
            ),
            "nps_unknown_customer": tool_error(
                await client.call_tool("nps_summary", {"client_id": "no-such-client"}),
                "nps_summary",
            ),
            "search_tier": tool_error(
                await client.call_tool("search_customers", {"tier": ["platinum"]}),
                "search_customers",
            ),
            "search_cursor": tool_error(
                await client.call_tool("search_customers", {"cursor": "garbage!"}),
                "search_customers",
            ),
            "tickets_unknown_customer": tool_error(
                await client.call_tool("customer_tickets", {"client_id": "no-such-client"}),
                "customer_tickets",
            ),
            "tickets_cursor": tool_error(
                await client.call_tool(
                    "customer_tickets", {"client_id": client_id, "cursor": "garbage!"}
                ),
                "customer_tickets",
            ),
            "ticket_status": tool_error(
                await client.call_tool(
                    "update_ticket_status", {"ticket_id": ticket_id, "status": "done"}
                ),
                "update_ticket_status",
            ),
            "unknown_ticket": tool_error(
                await client.call_tool(
                    "update_ticket_status", {"ticket_id": "no-such-ticket", "status": "closed"}
                ),
                "update_ticket_status",
            ),
            "health_range": tool_error(
                await client.call_tool(
                    "upsert_health_score",
                    {
                        "client_id": client_id,
                        "usage": 150,
                        "engagement": 50,
                        "support": 50,
                        "satisfaction": 50,
                        "payment": 50,
                    },
                ),
                "upsert_health_score",
            ),
        }

        return {
            "tools": sorted(names),
            "customer_client_id": customer["customer"]["client_id"],
            "open_ticket_count": customer["open_tickets"]["total"],
            "nps_response_id": response["response_id"],
            "nps_category": response["category"],
            "bad_score_error": text_of(bad),
            "again_client_id": again["customer"]["client_id"],
            "nps_by_csm": nps_by_csm["rows"],
            "nps_customer": nps_customer["rows"],
            "searched_active": searched,
            "open_ticket_ids": [t["ticket_id"] for t in tickets["rows"]],
            "resolved_ticket_id": ticket_id,
            "resolved_previous_status": resolved["previous_status"],
            "health_score": health["health_score"],
            "open_ticket_count_after": after["open_tickets"]["total"],
            "health_score_after": after["customer"]["health_score"],
            "errors": errors,
        }


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: mcp_client.py SERVER_BINARY CLIENT_ID")
    try:
        summary = asyncio.run(main(sys.argv[1], sys.argv[2]))
    except Exception as e:  # reported to the Rust test through stderr and the exit code
        print(f"mcp_client.py: {type(e).__name__}: {e}", file=sys.stderr)
        raise
    print(json.dumps(summary))
