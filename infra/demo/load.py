#!/usr/bin/env python3
"""Loads the demo data of the seed articles through the services' APIs, so that their events flow.

Each agreement goes through its lifecycle with the evidence the articles give: signed on the date, at the place and by
the signatories they report; in force from the signature date (they give no other date of effect). Where a Moroccan
commune's formalities are not in the articles (the council's deliberation, the supervisory authority's approval), the
secretariat waives them explicitly, saying so: no number is made up. An agreement whose signatories the articles do not
name stays before signing.

Safe to run again: what exists is left as it is. Environment: TOKEN (a secretariat token), REGISTRY_URL,
EXCHANGE_URL.
"""
import json
import os
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
REGISTRY = os.environ.get("REGISTRY_URL", "http://127.0.0.1:8081")
EXCHANGE = os.environ.get("EXCHANGE_URL", "http://127.0.0.1:8082")
TOKEN = os.environ["TOKEN"]
PATH = ["DRAFT", "NEGOTIATION", "PENDING_FORMALITIES", "SIGNED", "IN_FORCE"]


def call(method, path, body=None, headers=None, base=REGISTRY):
    request = urllib.request.Request(base + path, method=method,
                                     data=None if body is None else json.dumps(body).encode("utf-8"))
    request.add_header("Authorization", "Bearer " + TOKEN)
    request.add_header("Content-Type", "application/json")
    for key, value in (headers or {}).items():
        request.add_header(key, value)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.loads(response.read() or b"null"), response.headers.get("ETag")
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"null"), None


def must(result, what):
    status, body, _ = result
    if status >= 400:
        sys.exit(f"{what}: HTTP {status}: {body}")
    return result


def main():
    data = json.load(open(os.path.join(HERE, "registry.json"), encoding="utf-8"))
    for party in data["parties"]:
        if call("GET", "/api/parties/" + party["code"])[0] == 404:
            must(call("POST", "/api/parties", party), "party " + party["code"])
            print("party", party["code"])
    for contact in data["contacts"]:
        party = contact.pop("party")
        existing = must(call("GET", f"/api/parties/{party}/contacts"), "contacts of " + party)[1]
        if not any(c["email"] == contact["email"] for c in existing):
            must(call("POST", f"/api/parties/{party}/contacts", contact), "contact " + contact["email"])
            print("contact", contact["email"])
    in_force = {a["reference"] for a in data["agreements"] if a["status"] == "IN_FORCE"}
    parties = {p["code"]: p for p in data["parties"]}
    for agreement in data["agreements"]:
        target = agreement.pop("status")
        source = agreement.pop("source")
        query = urllib.parse.urlencode({"q": agreement["reference"], "limit": 50})
        found = [a for a in must(call("GET", "/api/agreements?" + query), "search")[1]["items"]
                 if a["reference"] == agreement["reference"]]
        if found:
            current = found[0]
        else:
            current = must(call("POST", "/api/agreements", agreement), "agreement " + agreement["reference"])[1]
            print("agreement", agreement["reference"])
        # Through the lifecycle, as the secretariat would: each step is a transition with its reason.
        while PATH.index(current["status"]) < PATH.index(target):
            step = PATH[PATH.index(current["status"]) + 1]
            _, fresh, etag = must(call("GET", "/api/agreements/" + current["id"]), "read " + agreement["reference"])
            current = must(call("POST", f"/api/agreements/{current['id']}/transitions",
                                transition(step, agreement, source, parties), {"If-Match": etag}),
                           "transition " + agreement["reference"])[1]
    wait_for_exchange(in_force)
    print("demo data loaded")


def transition(step, agreement, source, parties):
    """A move with its reason in French, and into force the waiver of what the articles do not give."""
    if step == "SIGNED":
        return {"to": step, "reason": f"Signé le {agreement['signedOn']} à {agreement['place']}, d'après : {source}."}
    if step == "IN_FORCE":
        body = {"to": step, "reason": f"En vigueur à la date de signature ({agreement['effectiveFrom']}) : les sources "
                                      f"({source}) n'indiquent pas d'autre date d'effet."}
        communes = [parties[c]["nameFr"] for c in agreement["parties"]
                    if parties[c].get("country") == "MA" and parties[c]["kind"] == "MUNICIPALITY"]
        if communes:
            body["formalitiesWaiver"] = (
                f"Formalités de la commune de {' et de '.join(communes)} non documentées : les sources ({source}) ne "
                "donnent ni le numéro ni la date de la délibération du conseil communal approuvant l'accord, ni la "
                "référence du visa de l'autorité de tutelle. Mise en vigueur sur la foi de la signature publique rapportée par la presse ; "
                "les pièces seront versées au dossier dès leur réception par le secrétariat.")
        return body
    return {"to": step, "reason": f"Données de démonstration : étape vers {step}, d'après : {source}."}


def wait_for_exchange(references, seconds=180):
    """Requests rest on exchange-service's read model of the agreements, fed by the registry's events: the demo is
    ready when that read model holds every agreement in force (on a fresh broker it first reads the events of the
    module tests)."""
    deadline = time.monotonic() + seconds
    missing = references
    while time.monotonic() < deadline:
        try:
            status, body, _ = call("GET", "/api/relationships", base=EXCHANGE)
        except urllib.error.URLError:  # exchange-service (re)starting: wait for it like for its read model
            status, body = None, None
        if status == 200:
            missing = references - {r["reference"] for r in body}
            if not missing:
                return
        time.sleep(1)
    sys.exit(f"exchange-service has not seen these agreements in force after {seconds} s: {sorted(missing)}")


if __name__ == "__main__":
    main()
