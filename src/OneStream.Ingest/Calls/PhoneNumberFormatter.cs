using Microsoft.Extensions.Options;
using PhoneNumbers;

namespace OneStream.Ingest.Calls;

/// <summary>
/// Writes a phone number in E.164 (<c>+15551234567</c>) when it reads as a possible number of its country (or of
/// <see cref="CallOptions.DefaultRegion"/> when it has no country code); anything else (an extension, a SIP name,
/// a fictional 555 number that is not possible) stays as sent. "Possible" rather than "valid": the check is on
/// length and shape, so the formatting does not change as numbering plans are updated.
/// </summary>
public sealed class PhoneNumberFormatter(IOptions<CallOptions> options)
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    public string Format(string number)
    {
        try
        {
            var parsed = Util.Parse(number, options.Value.DefaultRegion);
            return Util.IsPossibleNumber(parsed) ? Util.Format(parsed, PhoneNumberFormat.E164) : number;
        }
        catch (NumberParseException)
        {
            return number;
        }
    }
}
