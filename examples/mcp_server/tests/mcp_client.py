"""End-to-end check of the example MCP server with the official Python MCP client.

Run by tests/mcp_python.rs of the crate examples/mcp_server (cargo builds the server binary; the
test prepares a database and installs the `mcp` package into a virtualenv):

    python tests/mcp_client.py SERVER_BINARY CLIENT_ID

The server is started as a subprocess over stdio with DATABASE_URL taken from this process's
environment. The script lists the tools, calls get_customer and record_nps_response, checks that
a bad argument comes back as a tool error, and prints one JSON line with what it saw, which the
Rust test checks against the database. Exits non-zero with a message on stderr on any failure.
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
    "get_customer",
    "health_dashboard",
    "record_nps_response",
    "renewal_pipeline",
    "sla_monitoring",
}


def text_of(result) -> str:
    return "\n".join(c.text for c in result.content if getattr(c, "type", None) == "text")


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

        return {
            "tools": sorted(names),
            "customer_client_id": customer["customer"]["client_id"],
            "open_ticket_count": customer["open_ticket_count"],
            "nps_response_id": response["response_id"],
            "nps_category": response["category"],
            "bad_score_error": text_of(bad),
            "again_client_id": again["customer"]["client_id"],
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
