namespace Acme.Api.Dtos;

public record LoginDto(string UserName, string Password);

public sealed class TokenDto
{
    public required string AccessToken { get; init; }
    public string? RefreshToken { get; init; }
    public int ExpiresIn { get; init; }
}
