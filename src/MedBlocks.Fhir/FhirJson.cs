using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace MedBlocks.Fhir;

/// <summary>FHIR R4 JSON through the Firely SDK serializer and deserializer.</summary>
public static class FhirJson
{
    private static readonly FhirJsonSerializer Serializer = new();
    private static readonly FhirJsonDeserializer Deserializer = new();

    public static string Serialize(Resource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return Serializer.SerializeToString(resource);
    }

    /// <exception cref="FhirMappingException">Not FHIR R4 JSON of a <typeparamref name="T"/>; each problem named.</exception>
    public static T Parse<T>(string json)
        where T : Resource
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            return Deserializer.Deserialize<T>(json);
        }
        catch (DeserializationFailedException e)
        {
            throw new FhirMappingException($"The JSON is not a valid FHIR R4 {typeof(T).Name}:", [.. e.Exceptions.Select(x => x.Message)]);
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or FormatException or InvalidCastException or InvalidOperationException)
        {
            throw new FhirMappingException($"The JSON is not a valid FHIR R4 {typeof(T).Name}:", [e.Message]);
        }
    }
}
