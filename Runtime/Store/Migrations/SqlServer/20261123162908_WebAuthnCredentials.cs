using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Flowgate.Runtime.Store.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class WebAuthnCredentials : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CredentialId",
                table: "MfaEnrollments",
                type: "nvarchar(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Discoverable",
                table: "MfaEnrollments",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<byte[]>(
                name: "PublicKey",
                table: "MfaEnrollments",
                type: "varbinary(max)",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "SignCount",
                table: "MfaEnrollments",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Transports",
                table: "MfaEnrollments",
                type: "nvarchar(128)",
                maxLength: 128,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "UserHandle",
                table: "MfaEnrollments",
                type: "nvarchar(128)",
                maxLength: 128,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_MfaEnrollments_TenantId_CredentialId",
                table: "MfaEnrollments",
                columns: new[] { "TenantId", "CredentialId" },
                unique: true,
                filter: "[CredentialId] IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_MfaEnrollments_TenantId_CredentialId",
                table: "MfaEnrollments");

            migrationBuilder.DropColumn(
                name: "CredentialId",
                table: "MfaEnrollments");

            migrationBuilder.DropColumn(
                name: "Discoverable",
                table: "MfaEnrollments");

            migrationBuilder.DropColumn(
                name: "PublicKey",
                table: "MfaEnrollments");

            migrationBuilder.DropColumn(
                name: "SignCount",
                table: "MfaEnrollments");

            migrationBuilder.DropColumn(
                name: "Transports",
                table: "MfaEnrollments");

            migrationBuilder.DropColumn(
                name: "UserHandle",
                table: "MfaEnrollments");
        }
    }
}
