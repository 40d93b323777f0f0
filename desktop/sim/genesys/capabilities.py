"""Capability sets the GWS simulator reports, copied from the reference's own examples.

``Lnnn`` is a line of ``vendor-docs/genesys-gws-8.5.1-api-reference.md``. Where the
reference is silent the choice is ours and is written down in ``README.md`` next to this
file. The order inside each tuple is the order printed in the reference.
"""

from __future__ import annotations

# --- calls -------------------------------------------------------------------------------

# Dialing call, example at L4750-4757 (DeleteUserDataPair .. SendDtmf).
CALL_DIALING = (
    "DeleteUserDataPair",
    "UpdateUserData",
    "AttachUserData",
    "Hangup",
    "DeleteUserData",
    "SendDtmf",
)

# Established call: the 11 names shared by the three recording examples
# L4198-4219 (Recording), L4305-4319 (Paused), L4487-4500 (Stopped).
CALL_ESTABLISHED_BASE = (
    "DeleteUserDataPair",
    "SingleStepTransfer",
    "InitiateConference",
    "InitiateTransfer",
    "UpdateUserData",
    "Hold",
    "Hangup",
    "DeleteUserData",
    "SingleStepConference",
    "SendDtmf",
    "AttachUserData",
)

# Recording additions (L4144: "the capabilities list will contain the names of call
# recording operations that are available in the current recording state").
RECORDING_EXTRA = {
    "Recording": ("PauseCallRecording", "StopCallRecording"),  # L4217-4218
    "Paused": ("ResumeCallRecording", "StopCallRecording"),  # L4317-4318
    "Stopped": ("StartCallRecording",),  # L4499
    None: ("StartCallRecording",),  # never recorded: our choice (README), like Stopped
}

# NOT IN SOURCE (digest §4.3): Ringing. Our choice: the user-data operations and Hangup
# (the Dialing set without SendDtmf). Answer is accepted but never listed, because no
# capability array in the reference ever lists Answer (digest §4.1).
CALL_RINGING = (
    "DeleteUserDataPair",
    "UpdateUserData",
    "AttachUserData",
    "Hangup",
    "DeleteUserData",
)

# NOT IN SOURCE: Held. Our choice: the Established base minus Hold, SendDtmf and the
# consult/conference initiators (a held call cannot start a consultation); Retrieve is
# accepted but not listed, like Answer. Recording names are appended as for Established.
CALL_HELD = (
    "DeleteUserDataPair",
    "SingleStepTransfer",
    "UpdateUserData",
    "Hangup",
    "DeleteUserData",
    "AttachUserData",
)

# Released: pushed once with an empty list (like Revoked interactions, L3143).
CALL_RELEASED: tuple[str, ...] = ()

# Operations the reference documents (L4633-4659) but never lists as a capability. The
# simulator accepts them when the call's state allows, without listing them.
CALL_IMPLIED_OPS = frozenset(
    {
        "Answer",
        "Retrieve",
        "MuteCall",
        "UnmuteCall",
        "SwapCalls",
        "MergeWithOtherCall",
        "CompleteTransfer",
        "CompleteConference",
        "RemoveParticipantFromConference",
    }
)


def call_capabilities(state: str, recording_state: str | None, recording_enabled: bool = True) -> list[str]:
    if state == "Ringing":
        return list(CALL_RINGING)
    if state == "Dialing":
        return list(CALL_DIALING)
    if state == "Established":
        caps = list(CALL_ESTABLISHED_BASE)
    elif state == "Held":
        caps = list(CALL_HELD)
    else:
        return list(CALL_RELEASED)
    if recording_enabled:
        caps.extend(RECORDING_EXTRA.get(recording_state, ()))
    return caps


# --- interactions ------------------------------------------------------------------------

# Invited email or chat: L3059-3062, L3317-3320.
IXN_INVITED = ("Accept", "Reject")

# Accepted inbound email: L3228-3237.
EMAIL_ACCEPTED = (
    "StopProcessing",
    "UpdateUserData",
    "AttachUserData",
    "DeleteUserData",
    "PlaceInWorkbin",
    "SingleStepTransfer",
    "Reply",
    "ReplyAll",
)

# Reply draft (ReplyCreated, OutboundReply) and Create'd drafts: L2485, L2559.
EMAIL_DRAFT = ("Cancel", "Send", "PlaceInWorkbin", "UpdateProperties", "LinkAttachment")

# Accepted chat: L3460-3472.
CHAT_ACCEPTED = (
    "StopProcessing",
    "UpdateUserData",
    "AttachUserData",
    "DeleteUserData",
    "PlaceInWorkbin",
    "SingleStepTransfer",
    "LeaveChat",
    "EndChatSession",
    "SingleStepConference",
    "RequestChatHistory",
    "Send",
)

# NOT IN SOURCE: a chat whose session ended (EndChatSession L2778, or the customer left) is
# kept "for after-call work" and can be completed. Our choice: the Accepted set minus the
# names that need a live session.
CHAT_ENDED = (
    "StopProcessing",
    "UpdateUserData",
    "AttachUserData",
    "DeleteUserData",
    "PlaceInWorkbin",
    "RequestChatHistory",
)

# Revoked: L3143, L3388. Every terminal push of ours uses the same empty list.
IXN_NONE: tuple[str, ...] = ()

# Capability a client must hold for an interaction operation (capability name vs
# operationName mismatches: digest §4.2; L3229/L2096, L3234/L2364, L3471/L2822,
# L3467/L2955, L3469/L2752, L2485).
IXN_OP_NEEDS = {
    "Accept": ("Accept",),
    "Reject": ("Reject",),
    "Complete": ("StopProcessing",),
    "Transfer": ("SingleStepTransfer",),
    "SingleStepTransfer": ("SingleStepTransfer",),
    "PlaceInQueue": ("StopProcessing",),
    "UpdateUserData": ("UpdateUserData", "UpdateProperties"),
    "AttachUserData": ("AttachUserData", "UpdateProperties"),
    "DeleteUserData": ("DeleteUserData", "UpdateProperties"),
    "PlaceInWorkbin": ("PlaceInWorkbin",),
    "Reply": ("Reply",),
    "ReplyAll": ("ReplyAll",),
    "Send": ("Send",),
    "Cancel": ("Cancel",),
    "SendMessage": ("Send",),
    "SendStartTypingNotification": ("Send",),
    "SendStopTypingNotification": ("Send",),
    "InviteUser": ("SingleStepConference",),
    "LeaveConference": ("LeaveChat",),
    "EndChatSession": ("EndChatSession",),
    "RequestChatHistory": ("RequestChatHistory",),
    "GetWorkbinContent": (),
}

# --- devices -----------------------------------------------------------------------------


def device_capabilities(dnd: bool, forwarding: bool) -> list[str]:
    # L100-104: Active device, DND Off, not forwarding -> ["ForwardCallsOn", "DoNotDisturbOn"].
    # The Off variants when on are inferred from the attribute table (L3912-3916).
    return [
        "ForwardCallsOff" if forwarding else "ForwardCallsOn",
        "DoNotDisturbOff" if dnd else "DoNotDisturbOn",
    ]
