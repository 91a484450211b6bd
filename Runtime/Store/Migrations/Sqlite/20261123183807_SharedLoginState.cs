using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Flowgate.Runtime.Store.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SharedLoginState : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ParkedTransactions",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    TenantId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Payload = table.Column<string>(type: "TEXT", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ParkedTransactions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "WebAuthnAnsweredChallenges",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WebAuthnAnsweredChallenges", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ParkedTransactions_ExpiresAt",
                table: "ParkedTransactions",
                column: "ExpiresAt");

            migrationBuilder.CreateIndex(
                name: "IX_WebAuthnAnsweredChallenges_ExpiresAt",
                table: "WebAuthnAnsweredChallenges",
                column: "ExpiresAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ParkedTransactions");

            migrationBuilder.DropTable(
                name: "WebAuthnAnsweredChallenges");
        }
    }
}
