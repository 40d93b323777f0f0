"""The vendor document's own event samples, used as templates by the simulator.

Generated once from ``vendor-docs/alvaria-cloud-streaming-rest-v2-v3.md`` (``A:n`` = line n):
each entry is the JSON sample under the schema heading, copied verbatim (key order, value
types and the document's type drift included: ``interactionId`` int beside a string
``interactionIdRev``, ``interactionData: " "``, string ``ehubSessionId`` at the top of
DispositionInitiated / MultiTaskingStatus, the stray spaces in the outreach script sample keys).
The simulator deep-copies a template and overwrites only the fields it drives. Never edit a
template by hand: fix the generator instead, or override fields in ``events.py``.

``FAIL_REASONS`` is the failCode → failReason table of ``engagementCenter.Error`` (A:2047-2215),
with the "(code) " prefix the document adds "for documentation purposes" removed (A:2042).
"""
# ruff: noqa: E501
from __future__ import annotations

# event type -> (schema name, first line of the sample, sample)
TEMPLATES: dict[str, tuple[str, int, dict]] = {
    # EventECAcceptCallTimeout, A:1470-1480
    'engagementCenter.AcceptCallTimeout': ('EventECAcceptCallTimeout', 1470, {'userId': '99b788f3000d99',
     'ehubSessionId': 14,
     'ehubSessionIdRev': '14',
     'payload': {'interactionId': 151, 'interactionIdRev': '151', 'ehubSessionId': '14'}}),
    # EventECActivateInteraction, A:1492-1502
    'engagementCenter.ActivateInteraction': ('EventECActivateInteraction', 1492, {'userId': '99b788f3000d99',
     'ehubSessionId': 14,
     'ehubSessionIdRev': '14',
     'payload': {'interactionId': 151, 'interactionIdRev': '151', 'ehubSessionId': '14'}}),
    # EventECActive, A:1514-1525
    'engagementCenter.Active': ('EventECActive', 1514, {'userId': '99b788f3000d99',
     'ehubSessionId': 14,
     'ehubSessionIdRev': '14',
     'payload': {'interactionId': 151, 'interactionIdRev': '151', 'category': 14, 'statusReason': 2}}),
    # EventECAdvanceFeature, A:1538-1544
    'engagementCenter.AdvanceFeature': ('EventECAdvanceFeature', 1538, {'userId': '99b788f3000d99', 'ehubSessionId': 14, 'ehubSessionIdRev': '14', 'payload': {}}),
    # EventECAgentStatistics, A:1553-1590
    'engagementCenter.AgentStatistics': ('EventECAgentStatistics', 1553, {'userId': '99b788f3000d99',
     'ehubSessionId': 14,
     'ehubSessionIdRev': '14',
     'payload': {'agentStatistics': [{'workTypeId': 84,
                                      'workTypeName': 'CherylChat1',
                                      'chatInteractions': 0,
                                      'ctiInteractions': 0,
                                      'didInteractions': 0,
                                      'emailInteractions': 0,
                                      'inboundInteractions': 0,
                                      'internalInteractions': 0,
                                      'manualInteractions': 0,
                                      'outreachInteractions': 0,
                                      'smsInteractions': 0,
                                      'workflowInteractions': 0,
                                      'activeSeconds': 0,
                                      'idleSeconds': 1,
                                      'internalSeconds': 0,
                                      'loggedInSeconds': 4,
                                      'manualSeconds': 0,
                                      'multiSeconds': 0,
                                      'notReadySeconds': 3,
                                      'otherSeconds': 0,
                                      'parkSeconds': 0,
                                      'statusSeconds': 1,
                                      'wrapSeconds': 0,
                                      'numberOfCallbacks': 0,
                                      'numberOfRefusals': 0,
                                      'numberOfSuccesses': 0}]}}),
    # EventECAudioPathConnection, A:1626-1634
    'engagementCenter.AudioPathConnection': ('EventECAudioPathConnection', 1626, {'userId': '99b788f3000d99', 'ehubSessionId': 14, 'ehubSessionIdRev': '14', 'payload': {'state': True}}),
    # EventECCallReRouted, A:1644-1653
    'engagementCenter.CallReRouted': ('EventECCallReRouted', 1644, {'userId': '99b788f3000d99',
     'ehubSessionId': 14,
     'ehubSessionIdRev': '14',
     'payload': {'interactionId': 151, 'interactionIdRev': '151'}}),
    # EventECClientSessionKeepAlive, A:1664-1672
    'engagementCenter.ClientSessionKeepAlive': ('EventECClientSessionKeepAlive', 1664, {'userId': '99b788f3000d99',
     'ehubSessionId': 14,
     'ehubSessionIdRev': '14',
     'payload': {'requestTimestamp': '2021-01-30T14:04:20.539Z'}}),
    # EventECConference, A:1682-1698
    'engagementCenter.Conference': ('EventECConference', 1682, {'userId': '99b788f3000d99',
     'ehubSessionId': 14,
     'ehubSessionIdRev': '14',
     'payload': {'interactionId': 151,
                 'interactionIdRev': '151',
                 'consultInteractionId': 152,
                 'consultInteractionIdRev': '152',
                 'conferenceInteractionId': 153,
                 'conferenceInteractionIdRev': '153',
                 'consultEhubSessionId': '14',
                 'originalInteractionId': 150,
                 'originalInteractionIdRev': '150'}}),
    # EventECConnectConfirm, A:1716-1725
    'engagementCenter.ConnectConfirm': ('EventECConnectConfirm', 1716, {'userId': '99b788f3000d99',
     'ehubSessionId': 14,
     'ehubSessionIdRev': '14',
     'payload': {'userId': '99b788f3000d99', 'ehubSessionId': '14'}}),
    # EventECConnected, A:1736-1742
    'engagementCenter.Connected': ('EventECConnected', 1736, {'userId': '99b788f3000d99', 'ehubSessionId': 14, 'ehubSessionIdRev': '14', 'payload': {}}),
    # EventECConnecting, A:1751-1757
    'engagementCenter.Connecting': ('EventECConnecting', 1751, {'userId': '99b788f3000d99', 'ehubSessionId': 14, 'ehubSessionIdRev': '14', 'payload': {}}),
    # EventECConsult, A:1766-1778
    'engagementCenter.Consult': ('EventECConsult', 1766, {'userId': '99b788f3000d99',
     'ehubSessionId': 14,
     'ehubSessionIdRev': '14',
     'payload': {'consultInteractionId': 151,
                 'consultInteractionIdRev': '151',
                 'originalInteractionId': 152,
                 'originalInteractionIdRev': '152',
                 'consultedEhubSessionId': '14'}}),
    # EventECConsultInitiated, A:1792-1809
    'engagementCenter.ConsultInitiated': ('EventECConsultInitiated', 1792, {'userId': '99b788f3000d99',
     'ehubSessionId': 14,
     'ehubSessionIdRev': '14',
     'payload': {'interactionId': 151,
                 'interactionIdRev': '151',
                 'consultType': 'User',
                 'workTypeId': '15',
                 'externalRouteId': '',
                 'blindXferFlag': 1,
                 'userId': '99b788f3000d99',
                 'phoneNumber': '5551212',
                 'entity': '{"active":true,"kind":"via#user","id":"user1","user":"user1@orgname.com","firstName":"alvaria","lastName":"user","preferredName":{"locale":"en-US","value":"alvaria '
                           'user"}}',
                 'interactionData': ' '}}),
    # EventECDialing, A:1837-1847
    'engagementCenter.Dialing': ('EventECDialing', 1837, {'userId': '99b788f3000d99',
     'ehubSessionId': 14,
     'ehubSessionIdRev': '14',
     'payload': {'interactionId': 151, 'interactionIdRev': '151', 'mediaType': 'InboundACD'}}),
    # EventECDialInitiated, A:1896-1912
    'engagementCenter.DialInitiated': ('EventECDialInitiated', 1896, {'userId': '99b788f3000d99',
     'ehubSessionId': 14,
     'ehubSessionIdRev': '14',
     'payload': {'interactionId': 151,
                 'interactionIdRev': '151',
                 'phoneNumber': '5551212',
                 'workTypeId': '15',
                 'makeCallType': 'User',
                 'externalRouteId': '',
                 'wrapRequiredFlag': 1,
                 'userId': '99b788f3000d99',
                 'entity': '{"active":true,"kind":"via#user","id":"user1","user":"user1@orgname.com","firstName":"alvaria","lastName":"user","preferredName":{"locale":"en-US","value":"alvaria '
                           'user"}}'}}),
    # EventECDisconnected, A:1937-1943
    'engagementCenter.Disconnected': ('EventECDisconnected', 1937, {'userId': '99b788f3000d99', 'ehubSessionId': 14, 'ehubSessionIdRev': '14', 'payload': {}}),
    # EventECDisconnectPending, A:1952-1958
    'engagementCenter.DisconnectPending': ('EventECDisconnectPending', 1952, {'userId': '99b788f3000d99', 'ehubSessionId': 14, 'ehubSessionIdRev': '14', 'payload': {}}),
    # EventECDispositionInitiated, A:1967-1979
    'engagementCenter.DispositionInitiated': ('EventECDispositionInitiated', 1967, {'ehubSessionId': '14',
     'payload': {'dispositionId': '123',
                 'wrapRequiredFlag': True,
                 'callBackFlag': True,
                 'saleflag': True,
                 'interactionId': '151',
                 'interactionIdTo': '151',
                 'interactionData': ' '}}),
    # EventECEmailRemoved, A:1996-2004
    'engagementCenter.EmailRemoved': ('EventECEmailRemoved', 1996, {'userId': '99b788f3000d99',
     'ehubSessionId': 14,
     'ehubSessionIdRev': '14',
     'payload': {'emailObjectId': 'email/4b05-2016125-063840/40009-0'}}),
    # EventECError, A:2014-2028
    'engagementCenter.Error': ('EventECError', 2014, {'userId': '99b788f3000d99',
     'ehubSessionId': 14,
     'ehubSessionIdRev': '14',
     'payload': {'interactionId': '151',
                 'eventCode': 225,
                 'failCode': 10,
                 'worktypeId': '0',
                 'workTypeIdRev': 0,
                 'failReason': 'Calling/Called Party disconnected the call',
                 'localizedFailReason': 'Calling/Called Party disconnected the call'}}),
    # EventECHeld, A:2216-2225
    'engagementCenter.Held': ('EventECHeld', 2216, {'userId': '99b788f3000d99',
     'ehubSessionId': 14,
     'ehubSessionIdRev': '14',
     'payload': {'interactionId': 151, 'interactionIdRev': '151'}}),
    # EventECIdle, A:2236-2245
    'engagementCenter.Idle': ('EventECIdle', 2236, {'userId': '99b788f3000d99',
     'ehubSessionId': 14,
     'ehubSessionIdRev': '14',
     'payload': {'interactionId': 151, 'interactionIdRev': '151'}}),
    # EventECInteractionClear, A:2256-2266
    'engagementCenter.InteractionClear': ('EventECInteractionClear', 2256, {'userId': '99b788f3000d99',
     'ehubSessionId': 14,
     'ehubSessionIdRev': '14',
     'payload': {'interactionId': 151, 'interactionIdRev': '151', 'state': 14}}),
    # EventECInteractionTransferred, A:2278-2292
    'engagementCenter.InteractionTransferred': ('EventECInteractionTransferred', 2278, {'userId': '99b788f3000d99',
     'ehubSessionId': 14,
     'ehubSessionIdRev': '14',
     'payload': {'interactionId': 151,
                 'interactionIdRev': '151',
                 'consultInteractionId': 152,
                 'consultInteractionIdRev': '152',
                 'newInteractionId': 153,
                 'newInteractionIdRev': '153',
                 'originalEhubSessionId': '14'}}),
    # EventECInteractionRelXferred, A:2308-2317
    'engagementCenter.InteractionReleasedXferred': ('EventECInteractionRelXferred', 2308, {'userId': '99b788f3000d99',
     'ehubSessionId': 14,
     'ehubSessionIdRev': '14',
     'payload': {'interactionId': 151, 'interactionIdRev': '151'}}),
    # EventECMessageStatus, A:2328-2338
    'engagementCenter.MessageStatus': ('EventECMessageStatus', 2328, {'userId': '99b788f3000d99',
     'ehubSessionId': 14,
     'ehubSessionIdRev': '14',
     'payload': {'interactionId': 151, 'interactionIdRev': '151', 'status': '1'}}),
    # EventECMonitorState, A:2350-2362
    'engagementCenter.MonitorState': ('EventECMonitorState', 2350, {'userId': '99b788f3000d99',
     'ehubSessionId': 14,
     'ehubSessionIdRev': '14',
     'payload': {'monitoringInteractionId': 151,
                 'monitoringInteractionIdRev': '151',
                 'monitoringState': 1,
                 'portNum': 0,
                 'ipAddress': 'agent=;portal=123.aaa.manhattan.aspect-cloud.net'}}),
    # EventECMultiTaskingStatus, A:2376-2388
    'engagementCenter.MultiTaskingStatus': ('EventECMultiTaskingStatus', 2376, {'ehubSessionId': '14',
     'payload': {'userId': '99b788f3000d99',
                 'ehubSessionId': 23,
                 'ehubSessionIdRev': 23,
                 'multiTaskingStatusCode': {'ordinal': 1, 'value': 'Suspended'}}}),
    # EventECNewTeam, A:2407-2416
    'engagementCenter.NewTeam': ('EventECNewTeam', 2407, {'userId': '99b788f3000d99',
     'ehubSessionId': 14,
     'ehubSessionIdRev': '14',
     'payload': {'id': '11b8c791-6bd4-4cdf-9b6f-4119b891cec9', 'friendlyName': 'Team Name'}}),
    # EventECNewVoiceMail, A:2427-2436
    'engagementCenter.NewVoiceMail': ('EventECNewVoiceMail', 2427, {'userId': '99b788f3000d99',
     'ehubSessionId': 14,
     'ehubSessionIdRev': '14',
     'payload': {'workTypeId': 15, 'workTypeIdRev': '15'}}),
    # EventECNewWorkType, A:2447-2456
    'engagementCenter.NewWorkType': ('EventECNewWorkType', 2447, {'userId': '99b788f3000d99',
     'ehubSessionId': 14,
     'ehubSessionIdRev': '14',
     'payload': {'id': '15', 'idRev': 15}}),
    # EventECNotReady, A:2467-2476
    'engagementCenter.NotReady': ('EventECNotReady', 2467, {'userId': '99b788f3000d99',
     'ehubSessionId': 14,
     'ehubSessionIdRev': '14',
     'payload': {'reasonId': 15, 'reasonIdRev': '15'}}),
    # EventECNotReadyPending, A:2487-2493
    'engagementCenter.NotReadyPending': ('EventECNotReadyPending', 2487, {'userId': '99b788f3000d99', 'ehubSessionId': 14, 'ehubSessionIdRev': '14', 'payload': {}}),
    # EventECPark, A:2502-2512
    'engagementCenter.Park': ('EventECPark', 2502, {'userId': '99b788f3000d99',
     'ehubSessionId': 14,
     'ehubSessionIdRev': '14',
     'payload': {'reasonId': 15, 'reasonIdRev': '15', 'ehubSessionId': '14'}}),
    # EventECPhoneFoul, A:2524-2530
    'engagementCenter.PhoneFoul': ('EventECPhoneFoul', 2524, {'userId': '99b788f3000d99', 'ehubSessionId': 14, 'ehubSessionIdRev': '14', 'payload': {}}),
    # EventECPhoneOffhook, A:2539-2545
    'engagementCenter.PhoneOffhook': ('EventECPhoneOffhook', 2539, {'userId': '99b788f3000d99', 'ehubSessionId': 14, 'ehubSessionIdRev': '14', 'payload': {}}),
    # EventECPhoneReconnect, A:2554-2560
    'engagementCenter.PhoneReconnect': ('EventECPhoneReconnect', 2554, {'userId': '99b788f3000d99', 'ehubSessionId': 14, 'ehubSessionIdRev': '14', 'payload': {}}),
    # EventECPreviewScreenPop, A:2569-2623
    'engagementCenter.PreviewScreenPop': ('EventECPreviewScreenPop', 2569, {'userId': '99b788f3000d99',
     'ehubSessionId': 14,
     'ehubSessionIdRev': '14',
     'payload': {'interactionId': 151,
                 'interactionIdRev': '151',
                 'preemptive': 1,
                 'statusReason': 8,
                 'interactionInfo': {'outreach': {'callTableRecordNum': 45},
                                     'callBackData': {'callBackFlag': 1,
                                                      'callBackMemo': 'This is an example of a call back memo',
                                                      'dialModeCode': 3},
                                     'emailData': {'forwardToMBox': '',
                                                   'fromAddress': 'docs@alvaria.com',
                                                   'emailObjectId': 'email/dd38-55555555-183810/117-0',
                                                   'senderCC': '',
                                                   'senderTime': '',
                                                   'senderName': '',
                                                   'replyEmailObjectId': 'email/dd38-55555555-183810/117-0',
                                                   'senderTo': '',
                                                   'threadId': 0,
                                                   'threadIdRev': '0'},
                                     'otherData': {'interactionCategory': 2,
                                                   'interactionType': 'AOD',
                                                   'screenpopType': 2,
                                                   'originalWorkTypeId': 191,
                                                   'originalWorkTypeIdRev': '191',
                                                   'worktypeId': 191,
                                                   'workTypeIdRev': '191',
                                                   'timezoneId': 18,
                                                   'timezoneIdRev': '18'},
                                     'screenData': {'ani': '6035551212',
                                                    'callerId': 'Caller Id',
                                                    'dnis': '6035551212',
                                                    'firstName': 'ELLEN',
                                                    'lastName': 'FROST',
                                                    'phoneNumber': '6035551212',
                                                    'umid': '01-0010010000-180226-225649658-00376'},
                                     'interactionData': ' '}}}),
    # EventECReassignEmailAck, A:2710-2718
    'engagementCenter.ReassignEmailAck': ('EventECReassignEmailAck', 2710, {'userId': '99b788f3000d99',
     'ehubSessionId': '14',
     'payload': {'emailObjectId': 'email/dd38-55555555-183810/117-0', 'status': 0}}),
    # EventECRecordingState, A:2737-2748
    'engagementCenter.RecordingState': ('EventECRecordingState', 2737, {'userId': '99b788f3000d99',
     'ehubSessionId': 14,
     'ehubSessionIdRev': '14',
     'payload': {'recordingState': 1, 'recordingSeq': 1, 'recordingIndex': 1, 'fileName': 'name'}}),
    # EventECRemoveTeam, A:2761-2769
    'engagementCenter.RemoveTeam': ('EventECRemoveTeam', 2761, {'userId': '99b788f3000d99',
     'ehubSessionId': 14,
     'ehubSessionIdRev': '14',
     'payload': {'id': '11b8c791-6bd4-4cdf-9b6f-4119b891cec9'}}),
    # EventECRemoveWorkType, A:2779-2788
    'engagementCenter.RemoveWorkType': ('EventECRemoveWorkType', 2779, {'userId': '99b788f3000d99',
     'ehubSessionId': 14,
     'ehubSessionIdRev': '14',
     'payload': {'id': 15, 'idRev': '15'}}),
    # EventECScreenPop, A:2799-2860
    'engagementCenter.ScreenPop': ('EventECScreenPop', 2799, {'userId': '99b788f3000d99',
     'ehubSessionId': 14,
     'ehubSessionIdRev': '14',
     'payload': {'interactionId': 27,
                 'interactionIdRev': '27',
                 'playAudioAlert': False,
                 'preemptive': 1,
                 'requiredRejectReason': False,
                 'requiredResponse': True,
                 'mediaType': 'InboundACD',
                 'switchInteractionId': 0,
                 'switchInteractionIdRev': '0',
                 'timeoutForAcceptCall': 15,
                 'timeoutForAudioAlert': 0,
                 'interactionInfo': {'outreach': {'callTableRecordNum': 45},
                                     'callBackData': {'callBackFlag': 1,
                                                      'callBackMemo': 'This is an example of a call back memo',
                                                      'dialModeCode': 3},
                                     'emailData': {'forwardToMBox': '',
                                                   'fromAddress': 'docs@alvaria.com',
                                                   'emailObjectId': 'email/dd38-55555555-183810/117-0',
                                                   'senderCC': '',
                                                   'senderTime': '',
                                                   'senderName': '',
                                                   'replyEmailObjectId': 'email/dd38-55555555-183810/117-0',
                                                   'senderTo': '',
                                                   'threadId': 0,
                                                   'threadIdRev': '0'},
                                     'otherData': {'interactionCategory': 2,
                                                   'interactionType': 'AOD',
                                                   'screenpopType': 2,
                                                   'originalWorktypeId': 191,
                                                   'originalWorktypeIdRev': '191',
                                                   'worktypeId': 191,
                                                   'workTypeIdRev': '191',
                                                   'timezoneId': 18,
                                                   'timezoneIdRev': '18'},
                                     'screenData': {'ani': '6035551212',
                                                    'callerId': 'Caller Id',
                                                    'dnis': '6035551212',
                                                    'firstName': 'ELLEN',
                                                    'lastName': 'FROST',
                                                    'phoneNumber': '6035551212',
                                                    'umid': '01-0010010000-180226-225649658-00376'},
                                     'interactionData': ' '}}}),
    # EventECSystemAvailable, A:2988-2994
    'engagementCenter.SystemAvailable': ('EventECSystemAvailable', 2988, {'userId': '99b788f3000d99', 'ehubSessionId': 14, 'ehubSessionIdRev': '14', 'payload': {}}),
    # EventECSystemStandby, A:3003-3009
    'engagementCenter.SystemStandby': ('EventECSystemStandby', 3003, {'userId': '99b788f3000d99', 'ehubSessionId': 14, 'ehubSessionIdRev': '14', 'payload': {}}),
    # EventECSystemUnavailable, A:3018-3024
    'engagementCenter.SystemUnavailable': ('EventECSystemUnavailable', 3018, {'userId': '99b788f3000d99', 'ehubSessionId': 14, 'ehubSessionIdRev': '14', 'payload': {}}),
    # EventECTelephonyAvailable, A:3033-3039
    'engagementCenter.TelephonyAvailable': ('EventECTelephonyAvailable', 3033, {'userId': '99b788f3000d99', 'ehubSessionId': 14, 'ehubSessionIdRev': '14', 'payload': {}}),
    # EventECTelephonyUnavailable, A:3048-3054
    'engagementCenter.TelephonyUnavailable': ('EventECTelephonyUnavailable', 3048, {'userId': '99b788f3000d99', 'ehubSessionId': 14, 'ehubSessionIdRev': '14', 'payload': {}}),
    # EventECUpdateAgtStatReason, A:3063-3069
    'engagementCenter.UpdateAgentStatusReason': ('EventECUpdateAgtStatReason', 3063, {'userId': '99b788f3000d99', 'ehubSessionId': 14, 'ehubSessionIdRev': '14', 'payload': {}}),
    # EventECUpdateDisposition, A:3078-3087
    'engagementCenter.UpdateDisposition': ('EventECUpdateDisposition', 3078, {'userId': '99b788f3000d99',
     'ehubSessionId': 14,
     'ehubSessionIdRev': '14',
     'payload': {'id': '13', 'idRev': '15'}}),
    # EventECUpdateDispositionPlan, A:3098-3107
    'engagementCenter.UpdateDispositionPlan': ('EventECUpdateDispositionPlan', 3098, {'userId': '99b788f3000d99',
     'ehubSessionId': 14,
     'ehubSessionIdRev': '14',
     'payload': {'id': 14, 'idRev': '14'}}),
    # EventECUpdateTeam, A:3118-3127
    'engagementCenter.UpdateTeam': ('EventECUpdateTeam', 3118, {'userId': '99b788f3000d99',
     'ehubSessionId': 14,
     'ehubSessionIdRev': '14',
     'payload': {'id': '11b8c791-6bd4-4cdf-9b6f-4119b891cec9', 'friendlyName': 'Team Name'}}),
    # EventECUpdateWorkType, A:3138-3147
    'engagementCenter.UpdateWorkType': ('EventECUpdateWorkType', 3138, {'userId': '99b788f3000d99',
     'ehubSessionId': 14,
     'ehubSessionIdRev': '14',
     'payload': {'id': 14, 'idRev': '14'}}),
    # EventECVoiceLock, A:3158-3167
    'engagementCenter.VoiceLock': ('EventECVoiceLock', 3158, {'userId': '99b788f3000d99',
     'ehubSessionId': 14,
     'ehubSessionIdRev': '14',
     'payload': {'interactionId': 151, 'interactionIdRev': '151'}}),
    # EventECVoiceUnlock, A:3178-3187
    'engagementCenter.VoiceUnlock': ('EventECVoiceUnlock', 3178, {'userId': '99b788f3000d99',
     'ehubSessionId': 14,
     'ehubSessionIdRev': '14',
     'payload': {'interactionId': 151, 'interactionIdRev': '151'}}),
    # EventECWrap, A:3198-3207
    'engagementCenter.Wrap': ('EventECWrap', 3198, {'userId': '99b788f3000d99',
     'ehubSessionId': 14,
     'ehubSessionIdRev': '14',
     'payload': {'interactionId': 151, 'interactionIdRev': '151'}}),
    # EventECWrapTimeout, A:3218-3228
    'engagementCenter.WrapTimeout': ('EventECWrapTimeout', 3218, {'userId': '99b788f3000d99',
     'ehubSessionId': 14,
     'ehubSessionIdRev': '14',
     'payload': {'interactionId': 151, 'interactionIdRev': '151', 'dispositionExpected': 11}}),
    # EventMessagingEntityAdded, A:3240-3252
    'messaging.EntityAdded': ('EventMessagingEntityAdded', 3240, {'userId': '99b788f3000d99',
     'ehubSessionId': 14,
     'ehubSessionIdRev': '14',
     'payload': {'interactionId': 151,
                 'interactionIdRev': '151',
                 'entityType': 3,
                 'entityId': 'CO',
                 'entityName': 'customerDave'}}),
    # EventMessagingEntityDialReq, A:3266-3276
    'messaging.EntityDialRequest': ('EventMessagingEntityDialReq', 3266, {'userId': '99b788f3000d99',
     'ehubSessionId': 14,
     'ehubSessionIdRev': '14',
     'payload': {'interactionId': 151, 'interactionIdRev': '151', 'phoneNumber': '6035551212'}}),
    # EventMessagingEntityList, A:3288-3300
    'messaging.EntityList': ('EventMessagingEntityList', 3288, {'userId': '99b788f3000d99',
     'ehubSessionId': 14,
     'ehubSessionIdRev': '14',
     'payload': {'interactionId': 151,
                 'interactionIdRev': '151',
                 'entityType': 3,
                 'entityId': 'CO',
                 'entityName': 'customerDave'}}),
    # EventMessagingEntityPushURL, A:3314-3326
    'messaging.EntityPushURL': ('EventMessagingEntityPushURL', 3314, {'userId': '99b788f3000d99',
     'ehubSessionId': 14,
     'ehubSessionIdRev': '14',
     'payload': {'interactionId': 151,
                 'interactionIdRev': '151',
                 'entityType': 3,
                 'entityName': 'customerDave',
                 'url': 'https://www.alvaria.com'}}),
    # EventMessagingEntityRemoved, A:3340-3352
    'messaging.EntityRemoved': ('EventMessagingEntityRemoved', 3340, {'userId': '99b788f3000d99',
     'ehubSessionId': 14,
     'ehubSessionIdRev': '14',
     'payload': {'interactionId': 151,
                 'interactionIdRev': '151',
                 'entityType': 3,
                 'entityId': 'CO',
                 'entityName': 'customerDave'}}),
    # EventMessagingEntitySendText, A:3366-3378
    'messaging.EntitySendText': ('EventMessagingEntitySendText', 3366, {'userId': '99b788f3000d99',
     'ehubSessionId': 14,
     'ehubSessionIdRev': '14',
     'payload': {'interactionId': 151,
                 'interactionIdRev': '151',
                 'entityType': 1,
                 'entityName': 'cherylagt1',
                 'text': 'This is text'}}),
    # EventFastpathDispostion, A:3392-3400
    'outreach.disposition': ('EventFastpathDispostion', 3392, {'sessionId': '4c471477-feec-4357-b84e-065a4fabe649',
     'fastPathListName': '01_Fastpath_MK',
     'recordNumber': 10,
     'phoneNumber': 11919900333655,
     'dispositionCode': 'DAP',
     'dispositionTime': '2018-02-19 16:52:02'}),
    # EventFastpathStatus, A:3411-3418
    'outreach.status': ('EventFastpathStatus', 3411, {'requestId': 'f39a122c-873f-47f7-8724-c9efdb9d8915',
     'sessionId': '4c471477-feec-4357-b84e-065a4fabe649',
     'fastPathListName': '01_Fastpath_MK',
     'message': 'FastPath record inserted to fastpathrecinfo table',
     'recordNumber': 10}),
    # EventScriptStatus, A:3428-3434
    'outreach.automationScriptStatus': ('EventScriptStatus', 3428, {' automationScriptId ': '915', 'scriptName ': 'BaseScript1', 'runningState': False, 'status': 2}),
}

# failCode -> failReason (A:2047-2215)
FAIL_REASONS: dict[int, str] = {
    10: 'General Failure',  # A:2047
    11: 'Call does not exist',  # A:2048
    12: 'Call failed to transfer to worktype',  # A:2049
    13: 'ExternalRouteID received is unknown to Ehub',  # A:2050
    14: 'Speed dial operation failed',  # A:2051
    15: 'Can not perform monitor request',  # A:2052
    16: 'CTI login failed',  # A:2053
    17: 'Gateway login failed',  # A:2054
    18: 'CTI server is not running',  # A:2055
    19: 'No active worktype attached with agent',  # A:2056
    20: 'Agent is not in the valid state to perform the operation',  # A:2057
    28: 'Transfer failure',  # A:2058
    31: 'Hold failure',  # A:2059
    32: 'Retrieve failure',  # A:2060
    33: 'Call failure',  # A:2061
    34: 'Hung up failure',  # A:2062
    38: 'Consultation failure',  # A:2063
    39: 'Play digit failure due to invalid call index',  # A:2064
    45: 'Fail to transfer call',  # A:2065
    69: 'Call conference request failed',  # A:2066
    100: 'Agent has a call in progress',  # A:2067
    110: 'Agent is not available',  # A:2068
    120: 'No route access has been defined',  # A:2069
    130: 'There is no telephony channels available/all the telephony channels are busy',  # A:2070
    131: 'There is no telephony route available for the input number',  # A:2071
    132: 'TimeZone verification failed',  # A:2072
    140: 'Customer hung up',  # A:2073
    150: 'Error occurred while processing email',  # A:2074
    174: 'Trunk license has been exceeded',  # A:2075
    175: 'Agent license has been exceeded',  # A:2076
    209: 'Invalid call type',  # A:2077
    210: 'Your phone connection is currently disrupted',  # A:2078
    211: 'Send switch command failed',  # A:2079
    212: 'Invalid switch id',  # A:2080
    213: 'The record has been excluded. Please discard the interaction.',  # A:2081
    214: 'Invalid phone number',  # A:2082
    215: 'Invalid consultation type.',  # A:2083
    216: 'Currently the email system is offline so transfers/reply email is not possible. Please try after some time',  # A:2084
    217: 'Error occurred forwarding an email to user. Logging out user from worktype',  # A:2085
    218: 'Your station number is being used by agent',  # A:2086
    219: 'Agent is already logged in at station',  # A:2087
    220: 'Invalid parameter',  # A:2088
    221: 'The agent you are contacting has not responded to your call.',  # A:2089
    222: 'The agent you are contacting cannot accept your call at this time.',  # A:2090
    223: 'The agent you are contacting cannot accept your call at this time. You may leave a message or try again later.',  # A:2091
    224: 'Cannot disposition call until the minimum wrap time has elapsed. Please remain in wrap for at least seconds before dispositioning the call',  # A:2092
    225: 'This event does not indicate an error',  # A:2093
    226: 'Calling agent has canceled the call',  # A:2094
    227: 'Remote party has placed this call on Hold - Line-',  # A:2095
    228: 'Remote party has Retrieved this call from Hold - Line-',  # A:2096
    229: 'The previous call has been replaced by a higher priority call',  # A:2097
    230: 'Your call disposition was received after the maximum allowed wrap time was exceeded, resulting in an incomplete disposition status for this contact',  # A:2098
    231: 'Remote party has added you to a conference call',  # A:2099
    232: 'You may not consult with the same target as your current target',  # A:2100
    233: 'Unable to call the same agent you are already connected to',  # A:2101
    234: 'No available lines to place a new call',  # A:2102
    235: 'For outbound consultation calls - you must clear all calls before you disposition',  # A:2103
    236: 'Destination agent has this call in the held state. Please try your transfer again later',  # A:2104
    237: 'Calling agent is attempting to transfer a call to you. Please retrieve your call',  # A:2105
    238: 'Conference calls established by the remote party',  # A:2106
    239: 'Conference calls ended by the remote party',  # A:2107
    240: 'You may not transfer a call to a party that you have on-hold',  # A:2108
    241: 'You may not transfer a call to a party that is not in the active state',  # A:2109
    242: 'Call IVR-Script is not available',  # A:2110
    243: 'Consult IVR-Script is not available',  # A:2111
    244: 'Invalid voice mail box number',  # A:2112
    245: 'Ringing dial tone for outbound manual dial',  # A:2113
    246: 'Busy dial tone for outbound manual dial',  # A:2114
    247: 'SIT tone for outbound manual dial',  # A:2115
    248: 'Consulted Agent: used for warm consultation with worktype',  # A:2116
    249: 'Remote agent has released the call',  # A:2117
    250: 'Phone number is excluded from being dialed at this time',  # A:2118
    251: 'May not consult or transfer to a worktype while on an internal call',  # A:2119
    252: 'Calling/Called party disconnected the call',  # A:2120
    253: 'You may not consult while your phone connection is disrupted. Please try again after your phone reconnects.',  # A:2121
    254: 'You may not dial while your phone connection is disrupted. Please try again after your phone reconnects.',  # A:2122
    255: 'Send consult request failed',  # A:2123
    256: 'Send consult pending request failed',  # A:2124
    257: 'Send transfer request failed',  # A:2125
    258: 'Send conference request failed',  # A:2126
    259: 'Send monitor start to switch failed',  # A:2127
    260: 'CTI agent login failed',  # A:2128
    261: 'Email address is excluded from being sent at this time',  # A:2129
    262: 'IM consult of a consult call not allowed',  # A:2130
    263: 'Internal consultation failure',  # A:2131
    264: 'Communication failure with switch handling the call',  # A:2132
    265: 'Destination worktype is not available',  # A:2133
    266: 'Not performing internal voice recording as AQM recording mode is enabled',  # A:2134
    267: 'Agent is not in accept call process',  # A:2135
    268: 'Agent has been panic logout',  # A:2136
    269: 'System internal failure',  # A:2137
    270: 'Failed to route call to agent',  # A:2138
    271: 'IVR worktype call canceled',  # A:2139
    272: 'Transfer to worktype failed as CallIndex is already in transferred state',  # A:2140
    273: 'Destination worktype is inactive/disabled',  # A:2141
    274: 'Agent failed to resume phone connection/audio path',  # A:2142
    275: 'Call has been recalled as the phone number is being excluded',  # A:2143
    276: 'Can not create outbound manual call',  # A:2144
    277: 'Can not create internal manual call',  # A:2145
    278: 'Can not create outbound email',  # A:2146
    279: 'Can not create agent inbound email',  # A:2147
    280: 'Can not create self-worktype inbound email',  # A:2148
    281: 'Can not create agent transferred call',  # A:2149
    282: 'Can not create internal consult call',  # A:2150
    283: 'Can not create outbound conference call',  # A:2151
    284: 'Can not create internal conference call',  # A:2152
    285: 'Can not create outbound consult transfer call',  # A:2153
    286: 'Can not create internal consult transfer call',  # A:2154
    287: 'Call has been automatically transferred by the system',  # A:2155
    288: 'Agent is not available. Please leave message',  # A:2156
    289: 'Agent cannot call it self',  # A:2157
    290: 'Destination agent is not available. Please leave message',  # A:2158
    291: 'Can not create outbound consult call',  # A:2159
    292: 'SMS session has been removed by the system',  # A:2160
    293: 'Failed to route call to agent after accept call process',  # A:2161
    294: 'Gateway login failed as switch is down',  # A:2162
    295: 'Agent is already monitored by another supervisor',  # A:2163
    296: 'Can not get email by email object id',  # A:2164
    297: 'Can not transfer a non CTI call to a CTI worktype',  # A:2165
    298: 'Can not transfer a CTI call to a non CTI worktype',  # A:2166
    299: 'Can not transfer email call. should be done by agent',  # A:2167
    300: 'EMail worktype id is disabled or deleted',  # A:2168
    301: 'Can not disposition the call while call is in active or held state',  # A:2169
    302: 'Can not execute hold as call is not in active state',  # A:2170
    303: 'Can not retrieve as agent is not in conference and has active voice call in line',  # A:2171
    304: 'Can not retrieve as call is not in held state',  # A:2172
    305: 'Can not dial the call as call is not in preview state',  # A:2173
    306: 'Can not transfer: Duplicate consult transfer request',  # A:2174
    307: 'Conference failed as either original or consult call terminated',  # A:2175
    308: 'Transfer to worktype failed as call is already in pending-transfer state',  # A:2176
    309: 'Transfer to worktype failed as call is not in active state',  # A:2177
    310: 'Cannot transfer to agent, another transfer is currently pending',  # A:2178
    311: 'Activation of call failed as call is already active',  # A:2179
    312: 'Can not do consultation now because agent is idle',  # A:2180
    313: 'Can not perform operation as agent in dual desktop session',  # A:2181
    314: 'Can not perform operation as your phone connection is currently disrupted',  # A:2182
    315: 'Can not go to not ready/park state as no voice channel available',  # A:2183
    316: 'Do not hang-up on a held call',  # A:2184
    317: 'May not consult while on an internal call - Multiline is disabled for this agent',  # A:2185
    318: 'Can not do consultation as call is not in active/held state',  # A:2186
    319: 'Conference failed as duplicate conference request for same call',  # A:2187
    320: 'Pause/Resume not supported for external manual recording',  # A:2188
    321: "Can not perform operation as you don't have a phone connection to answer the voice call",  # A:2189
    322: 'Pause/Resume not allowed for call in CXP privacy level mode',  # A:2190
    323: 'Exclusion server is not available now. System may dial excluded numbers',  # A:2191
    324: 'Failed to communicate to exclusion server. System may dial excluded numbers',  # A:2192
    325: 'Exclusion server is not available now. System may send mail to excluded email addresses',  # A:2193
    326: 'Failed to communicate to Exclusion server. System may send mail to excluded email addresses',  # A:2194
    327: 'Original call was not found',  # A:2195
    328: 'Voice mail ended due to disconnect from telephony server',  # A:2196
    329: 'Consult failed as cannot create call',  # A:2197
    330: 'Recording is not allowed as previous recording is still active',  # A:2198
    331: 'This is a dual desktop system. Can not make call from agent',  # A:2199
    332: 'Customer hung up or network disconnected',  # A:2200
    333: 'Customer hung up or chat connection is closed',  # A:2201
    334: 'Customer hung up or IM network disconnected',  # A:2202
    335: 'Error occurred while processing email and will be deleted from worktype',  # A:2203
    336: 'Email not found on Exchange and cannot be processed by worktype',  # A:2204
    337: 'Error occurred while processing an email. Logging out user from worktype',  # A:2205
    338: 'Invalid message id',  # A:2206
    339: 'The agent you are contacting cannot accept your call at this time. Please leave a message.',  # A:2207
    340: 'The agent you are contacting has not responded to your call. Please leave a message.',  # A:2208
    341: 'The agent you are contacting has not responded to your call. You may leave a message or try again later.',  # A:2209
    342: 'Agent failed to resume audio path and can not get voice calls. Agent will be available for non-voice calls. Please logout and re-login to get voice calls.',  # A:2210
    343: 'Email Reassign - Invalid Destination Worktype state.',  # A:2211
    344: 'Email Reassign - Email record not in DB',  # A:2212
    345: 'No streaming session Id was supported, unable to login agent',  # A:2213
    346: 'Email already activated by other Agent',  # A:2214
    347: 'The consulted agent is hearing the whisper message now. Please try again in few seconds',  # A:2215
}

