using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Flowgate.Runtime.Store.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class ApiSigningAlgorithms : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ProtectedSigningSecret",
                table: "ResourceServers",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SigningAlg",
                table: "ResourceServers",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "RS256"); // existing APIs were all signed with RS256
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ProtectedSigningSecret",
                table: "ResourceServers");

            migrationBuilder.DropColumn(
                name: "SigningAlg",
                table: "ResourceServers");
        }
    }
}
