"""The documents' sample events, copied verbatim (text as printed, with their line numbers).

``S:n`` = line n of vendor-docs/8x8-streaming-api-sapi.md, ``E:n`` = line n of
vendor-docs/8x8-event-streaming-reference.md. The simulator deep-copies these as templates and
overwrites the per-interaction fields, so field names, casing, key order and value types (numbers
as JSON numbers, "yes"/"no" strings, booleans) are the documents' own. Never edit the texts below;
add a new template instead.
"""

from __future__ import annotations

import json

# S:264-276 (Heartbeat)
CLIENT_CHECK_TEXT = r"""
{
    "ClientCheck": {
        "heartbeat": "[HEARTBEAT]",
        "msgInfo": {
            "instanceId": "us1tomcat04.us1.whitepj.net-sapi-v1",
            "sequenceId": 70,
            "timestamp": 1669230226093
        },
        "subscription-id": "real-time-monitor",
        "tenant-id": "acmecorp01"
    }
}
"""

# S:282-297 (Agent Status Change)
AGENT_STATUS_CHANGE_TEXT = r"""
{
    "AgentStatusChange": {
        "agentId": "ag64oyEUb_Sk6bxVB9P5yaaa",
        "msgInfo": {
            "instanceId": "us1tomcat04.us1.whitepj.net-sapi-v1",
            "sequenceId": 215,
            "timestamp": 1669235544917
        },
        "newReasonCodeUser": "801=1722",
        "newState": 5,
        "newSubState": "none",
        "newSubStateReason": "none",
        "statusEventTS": 1669235544
    }
}
"""

# S:303-317 (Agent Provisioning Change)
AGENT_PROV_CHANGE_TEXT = r"""
{
    "AgentProvChange": {
        "agentId": "ag64oyEUb_Sk6bxVB9P5yaaa",
        "enabled": "yes",
        "event": "AgentSkillChanged",
        "msgInfo": {
            "instanceId": "us1tomcat04.us1.whitepj.net-sapi-v1",
            "sequenceId": 219,
            "timestamp": 1669235693377
        },
        "skillId": "acmecorp01-ag64oyEUb_Sk6bxVB9P5yaaa-email-3086-063bf4a0-8eab-465c-b03a-09c3e0daf710",
        "tenantSkillId": "acmecorp01-email-3086-de6fd357-76b1-4587-ab7b-86b31357f56c"
    }
}
"""

# S:323-375 (Interaction :: InteractionCreated)
INTERACTION_CREATED_TEXT = r"""
{
    "Interaction": {
        "attachedData": {
            "attachedDatum": [{
                    "attachedDataKey": "@pri",
                    "attachedDataValue": 100
                }, {
                    "attachedDataKey": "callingName",
                    "attachedDataValue": "Andrew Cunningh"
                }, {
                    "attachedDataKey": "cha",
                    "attachedDataValue": 13125555068
                }, {
                    "attachedDataKey": "cnt",
                    "attachedDataValue": 0
                }, {
                    "attachedDataKey": "con",
                    "attachedDataValue": 0
                }, {
                    "attachedDataKey": "med",
                    "attachedDataValue": "T"
                }, {
                    "attachedDataKey": "pho",
                    "attachedDataValue": 5515557212
                }, {
                    "attachedDataKey": "phoneNum",
                    "attachedDataValue": 5515557212
                }, {
                    "attachedDataKey": "remoteCallingName",
                    "attachedDataValue": "Andrew Cunningh"
                }, {
                    "attachedDataKey": "remotePhoneNum",
                    "attachedDataValue": "+15515557212"
                }, {
                    "attachedDataKey": "tok",
                    "attachedDataValue": 19727
                }
            ]
        },
        "callState": "CS_QUEUED",
        "event": "InteractionCreated",
        "inboundChannelid": 13125555068,
        "interactionEventTS": 1669235827,
        "interactionGUID": "int-184a63564dc-ohWfVIbHJz2Hr2JFhAfdlb4Fa-phone-00-acmecorp01",
        "msgInfo": {
            "instanceId": "us1tomcat04.us1.whitepj.net-sapi-v1",
            "sequenceId": 224,
            "timestamp": 1669235827942
        },
        "resourceType": 0
    }
}
"""

# S:381-472 (Interaction :: InteractionQueued)
INTERACTION_QUEUED_TEXT = r"""
{
    "Interaction": {
        "attachedData": {
            "attachedDatum": [{
                    "attachedDataKey": "@pri",
                    "attachedDataValue": 100
                }, {
                    "attachedDataKey": "callingName",
                    "attachedDataValue": "Andrew Cunningh"
                }, {
                    "attachedDataKey": "cha",
                    "attachedDataValue": 13125555068
                }, {
                    "attachedDataKey": "channelName",
                    "attachedDataValue": "Acme Ads OG"
                }, {
                    "attachedDataKey": "cnt",
                    "attachedDataValue": 0
                }, {
                    "attachedDataKey": "con",
                    "attachedDataValue": 0
                }, {
                    "attachedDataKey": "med",
                    "attachedDataValue": "T"
                }, {
                    "attachedDataKey": "otim",
                    "attachedDataValue": 1669235836
                }, {
                    "attachedDataKey": "pcsOffered",
                    "attachedDataValue": "no"
                }, {
                    "attachedDataKey": "pho",
                    "attachedDataValue": 5515557212
                }, {
                    "attachedDataKey": "phoneNum",
                    "attachedDataValue": 5515557212
                }, {
                    "attachedDataKey": "priority",
                    "attachedDataValue": 50
                }, {
                    "attachedDataKey": "que",
                    "attachedDataValue": "acmecorp01~~queue~~phone~~591"
                }, {
                    "attachedDataKey": "queueDirection",
                    "attachedDataValue": "in"
                }, {
                    "attachedDataKey": "remoteCallingName",
                    "attachedDataValue": "Andrew Cunningh"
                }, {
                    "attachedDataKey": "remotePhoneNum",
                    "attachedDataValue": "+15515557212"
                }, {
                    "attachedDataKey": "tenantName",
                    "attachedDataValue": "acmecorp01"
                }, {
                    "attachedDataKey": "tenantRecServer",
                    "attachedDataValue": "na12nfs01"
                }, {
                    "attachedDataKey": "tenantSkillName",
                    "attachedDataValue": "Test Sales"
                }, {
                    "attachedDataKey": "tim",
                    "attachedDataValue": 1669235836
                }, {
                    "attachedDataKey": "tok",
                    "attachedDataValue": 19727
                }
            ]
        },
        "callState": "CS_QUEUED",
        "direction": "in",
        "event": "InteractionQueued",
        "eventTS": 1669235836,
        "inboundChannelid": 13125555068,
        "interactionEventTS": 1669235836,
        "interactionGUID": "int-184a63564dc-ohWfVIbHJz2Hr2JFhAfdlb4Fa-phone-00-acmecorp01",
        "isAgentInitiated": false,
        "mediaType": "phone",
        "msgInfo": {
            "instanceId": "us1tomcat04.us1.whitepj.net-sapi-v1",
            "sequenceId": 225,
            "timestamp": 1669235836708
        },
        "priority": 50,
        "queueId": 591,
        "queueList": 591,
        "queueTime": 1669235836,
        "resourceType": 0,
        "transactionNum": 19727
    }
}
"""

# S:480-544 (Interaction :: InteractionDeleted, call ended by caller in IVR)
INTERACTION_DELETED_TEXT = r"""
{
    "Interaction": {
        "attachedData": {
            "attachedDatum": [{
                    "attachedDataKey": "@pri",
                    "attachedDataValue": 100
                }, {
                    "attachedDataKey": "callingName",
                    "attachedDataValue": "Andrew Cunningh"
                }, {
                    "attachedDataKey": "cha",
                    "attachedDataValue": 13125555068
                }, {
                    "attachedDataKey": "cnt",
                    "attachedDataValue": 0
                }, {
                    "attachedDataKey": "con",
                    "attachedDataValue": 0
                }, {
                    "attachedDataKey": "med",
                    "attachedDataValue": "T"
                }, {
                    "attachedDataKey": "pcsOffered",
                    "attachedDataValue": "no"
                }, {
                    "attachedDataKey": "pho",
                    "attachedDataValue": 5515557212
                }, {
                    "attachedDataKey": "phoneNum",
                    "attachedDataValue": 5515557212
                }, {
                    "attachedDataKey": "remoteCallingName",
                    "attachedDataValue": "Andrew Cunningh"
                }, {
                    "attachedDataKey": "remotePhoneNum",
                    "attachedDataValue": "+15515557212"
                }, {
                    "attachedDataKey": "tok",
                    "attachedDataValue": 19738
                }
            ]
        },
        "callHangupReason": "CEC_DISCONNECT_NORMAL",
        "callState": "CS_DISCONNECTED",
        "dispositionCode": 1000,
        "event": "InteractionDeleted",
        "hangupInitiator": "CUSTOMER",
        "inboundChannelid": 13125555068,
        "interactionEventTS": 1669236911,
        "interactionGUID": "int-184a645e074-zGIsMxOkCYzQ8yg68e3t61i7A-phone-00-acmecorp01",
        "isAgentInitiated": false,
        "isDirectAccess": false,
        "isQueued": false,
        "mediaType": "phone",
        "msgInfo": {
            "instanceId": "us1tomcat04.us1.whitepj.net-sapi-v1",
            "sequenceId": 251,
            "timestamp": 1669236911188
        },
        "recordingMode": "no",
        "rejectReason": 0,
        "resourceType": 0
    }
}
"""

# E:170-205 (InteractionAssigned)
E_INTERACTION_ASSIGNED_TEXT = r"""
{
"Interaction": {
"agentGUID": "tenant01-agAglVJkg0TU28dok9y9UQKg-e46672cd-660c-46f5-b8f0-856eaf18f65c",
"agentId": "agAglVJkg0TU28dok9y9UQKg",
"agentPhone": 40375,
"agentRscWaitTime": 30,
"agentTreatedPhone": "40375-tenant",
"attachedData": {
"attachedDatum": [
{"attachedDataKey": "@pri", "attachedDataValue": 50},
{"attachedDataKey": "phoneNum", "attachedDataValue": 6298994259},
{"attachedDataKey": "tenantSkillName", "attachedDataValue": "Sales Queue"}
]
},
"callState": "CS_INPROGRESS",
"direction": "out",
"event": "InteractionAssigned",
"eventTS": 1744819092,
"interactionGUID": "int-1963f527a2a-9wjz0hrkcolMxIqiOhxEsKFe9-phone-01-tenant01",
"isAgentInitiated": false,
"isDirectAccess": false,
"isExternal": true,
"isOutboundCall": true,
"mediaType": "phone",
"msgInfo": {},
"outboundCampaignid": 4926,
"participatingAgents": "agAglVJkg0TU28dok9y9UQKg",
"promptingTimeout": 30,
"queueId": 1092,
"queueList": 1092,
"queueTime": 1744819092,
"recordingMode": "no",
"resourceType": 0,
"transactionNum": 279563
}
}
"""

# E:210-224 (InteractionRejected)
E_INTERACTION_REJECTED_TEXT = r"""
{
"Interaction": {
"agentGUID": "tenant01-ag9I1yUNAvRqG7ovVMi3NTyw-c40cf425-5b69-4575-99a7-ccd6457b0180",
"agentId": "ag9I1yUNAvRqG7ovVMi3NTyw",
"callState": "CS_QUEUED",
"event": "InteractionRejected",
"interactionEventTS": 1744819218,
"interactionGUID": "int-1963f53a7f9-fRUlBL19w0hsi4GN50Xbcgazp-phone-03-tenant01",
"msgInfo": {},
"participatingAgents": "ag9I1yUNAvRqG7ovVMi3NTyw",
"queueList": 222,
"rejectReason": 2,
"resourceType": 0
}
}
"""

# E:229-243 (LineHoldStatus)
E_LINE_HOLD_STATUS_TEXT = r"""
{
"Interaction": {
"agentGUID": "tenant01-agGiRMDKqSRGuaNOelIJosUw-494708fb-81d3-415a-82da-c5d800d36f18",
"agentId": "agGiRMDKqSRGuaNOelIJosUw",
"callState": "CS_HOLD",
"event": "LineHoldStatus",
"interactionEventTS": 1744819224,
"interactionGUID": "int-1963f52d470-OcB3AbajqjTb9ikyLLBxBr1l7-phone-02-tenant01",
"mediaType": "phone",
"msgInfo": {},
"participatingAgents": "agGiRMDKqSRGuaNOelIJosUw",
"status": true,
"transactionNum": 429968
}
}
"""

# E:248-261 (RecordingStatus)
E_RECORDING_STATUS_TEXT = r"""
{
"Interaction": {
"agentGUID": "tenant01-agFDUfx__VREaRSfGYYm5cNw-ad92a3d3-414a-4dfa-a971-dc0d28970d22",
"agentId": "agFDUfx__VREaRSfGYYm5cNw",
"event": "RecordingStatus",
"interactionEventTS": 1744819223,
"interactionGUID": "int-1963f4d8314-ShlIYL3nayugzbFYJvHhZgPL2-phone-03-tenant01",
"isAPICall": false,
"msgInfo": {},
"recordingMode": "yes",
"status": "resume",
"transactionNum": 5511
}
}
"""

# E:70-79 (AgentProvChange / AgentSkillChanged)
E_AGENT_PROV_CHANGE_TEXT = r"""
{
"AgentProvChange": {
"agentId": "agUeZBQ3RnQTaL0qZZukNOaw",
"enabled": "yes",
"event": "AgentSkillChanged",
"msgInfo": {},
"skillId": "tenant01-agUeZBQ3RnQTaL0qZZukNOaw-phone-529-f01e6bdb-75a2-4639-825c-91c0f5168258",
"tenantSkillId": "tenant01-phone-529-b1e3e2f2-b01a-4a03-ba3d-f30859414d97"
}
}
"""

_PARSED = {
    "CLIENT_CHECK": json.loads(CLIENT_CHECK_TEXT),
    "AGENT_STATUS_CHANGE": json.loads(AGENT_STATUS_CHANGE_TEXT),
    "AGENT_PROV_CHANGE": json.loads(AGENT_PROV_CHANGE_TEXT),
    "INTERACTION_CREATED": json.loads(INTERACTION_CREATED_TEXT),
    "INTERACTION_QUEUED": json.loads(INTERACTION_QUEUED_TEXT),
    "INTERACTION_DELETED": json.loads(INTERACTION_DELETED_TEXT),
    "E_INTERACTION_ASSIGNED": json.loads(E_INTERACTION_ASSIGNED_TEXT),
    "E_INTERACTION_REJECTED": json.loads(E_INTERACTION_REJECTED_TEXT),
    "E_LINE_HOLD_STATUS": json.loads(E_LINE_HOLD_STATUS_TEXT),
    "E_RECORDING_STATUS": json.loads(E_RECORDING_STATUS_TEXT),
    "E_AGENT_PROV_CHANGE": json.loads(E_AGENT_PROV_CHANGE_TEXT),
}



_COMPACT = {name: json.dumps(value) for name, value in _PARSED.items()}


def template(name: str) -> dict:
    """A fresh deep copy of one sample (e.g. ``template("INTERACTION_QUEUED")``)."""
    return json.loads(_COMPACT[name])  # faster than copy.deepcopy for these plain trees


def names() -> list[str]:
    return sorted(_PARSED)
