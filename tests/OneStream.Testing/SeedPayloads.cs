namespace OneStream.Testing;

/// <summary>The six example bodies from 1stream's webhook page, with the page's comments taken out.</summary>
public static class SeedPayloads
{
    public const string Trunk = "Wexternalline.70: 10003 on Wprovider.3: gw.siptrunk.com:0 - siptrunk.com (-5)";

    public const string InboundConnected = """
        {
          "EventType": "CallConnected",
          "ExtensionNumber": "100",
          "CallID": "287",
          "FromPhone": "+15551234567",
          "FromCallerID": null,
          "ToPhone": "Wexternalline.70: 10003 on Wprovider.3: gw.siptrunk.com:0 - siptrunk.com (-5)",
          "ToCallerID": "",
          "DateTimeStamp": "2/12/2025 7:16:27 PM",
          "Queue": "Queue Name",
          "Transcription": ""
        }
        """;

    public const string OutboundConnected = """
        {
          "EventType": "CallConnected",
          "ExtensionNumber": "100",
          "CallID": "295",
          "FromPhone": "Wexternalline.70: 10003 on Wprovider.3: gw.siptrunk.com:0 - siptrunk.com (-5)",
          "FromCallerID": null,
          "ToPhone": "5551234567",
          "ToCallerID": "",
          "DateTimeStamp": "2/12/2025 7:20:07 PM",
          "Queue": "",
          "Transcription": ""
        }
        """;

    public const string InboundRinging = """
        {
          "EventType": "CallRinging",
          "ExtensionNumber": "100",
          "CallID": "287",
          "FromPhone": "+15551234567",
          "FromCallerID": null,
          "ToPhone": "Wexternalline.70: 10003 on Wprovider.3: gw.siptrunk.com:0 - siptrunk.com (-5)",
          "ToCallerID": "",
          "DateTimeStamp": "2/12/2025 7:16:06 PM",
          "Queue": "Queue Name",
          "Transcription": ""
        }
        """;

    public const string InboundEnd = """
        {
          "EventType": "CallEnd",
          "ExtensionNumber": "100",
          "CallID": "286",
          "FromPhone": "+15551234567",
          "FromCallerID": null,
          "ToPhone": "Wexternalline.70: 10003 on Wprovider.3: gw.siptrunk.com:0 - siptrunk.com (-5)",
          "ToCallerID": "",
          "DateTimeStamp": "2/12/2025 7:29:01 PM",
          "Queue": "Queue Name",
          "Transcription": ""
        }
        """;

    public const string OutboundEnd = """
        {
          "EventType": "CallEnd",
          "ExtensionNumber": "100",
          "CallID": "297",
          "FromPhone": "Wexternalline.70: 10003 on Wprovider.3: gw.siptrunk.com:0 - siptrunk.com (-5)",
          "FromCallerID": null,
          "ToPhone": "5551234567",
          "ToCallerID": "",
          "DateTimeStamp": "2/12/2025 7:26:56 PM",
          "Queue": "",
          "Transcription": ""
        }
        """;

    public const string TranscriptionReady = """
        {
          "EventType": "TranscriptionReady",
          "ExtensionNumber": "na",
          "CallID": "220273",
          "FromPhone": "",
          "FromCallerID": null,
          "ToPhone": "",
          "ToCallerID": "",
          "DateTimeStamp": "2/12/2025 7:13:17 PM",
          "Queue": "na",
          "Transcription": " Doing full testing. Testing 1-2 three. One 2-3 testing. Testing. Testing 1-2 Three. Testing 1-2 three. Testing 1-2 three. Wait a minute. Not yet. And finish."
        }
        """;

    public static IEnumerable<string> All =>
        [InboundConnected, OutboundConnected, InboundRinging, InboundEnd, OutboundEnd, TranscriptionReady];
}
