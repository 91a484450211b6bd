using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Flowgate.Runtime.Store.Migrations.Sqlite
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
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Discoverable",
                table: "MfaEnrollments",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<byte[]>(
                name: "PublicKey",
                table: "MfaEnrollments",
                type: "BLOB",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "SignCount",
                table: "MfaEnrollments",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Transports",
                table: "MfaEnrollments",
                type: "TEXT",
                maxLength: 128,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "UserHandle",
                table: "MfaEnrollments",
                type: "TEXT",
                maxLength: 128,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_MfaEnrollments_TenantId_CredentialId",
                table: "MfaEnrollments",
                columns: new[] { "TenantId", "CredentialId" },
                unique: true);
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
