using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Flowgate.Runtime.Store.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AdminSecondFactors : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AdminFactors",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    TenantId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    AdminId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LastUsedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ProtectedSecret = table.Column<string>(type: "TEXT", nullable: true),
                    LastTimeStep = table.Column<long>(type: "INTEGER", nullable: true),
                    CodeHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    CredentialId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    PublicKey = table.Column<byte[]>(type: "BLOB", nullable: true),
                    SignCount = table.Column<long>(type: "INTEGER", nullable: true),
                    Transports = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AdminFactors", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AdminFactors_AdminAccounts_AdminId",
                        column: x => x.AdminId,
                        principalTable: "AdminAccounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AdminFactors_AdminId",
                table: "AdminFactors",
                column: "AdminId");

            migrationBuilder.CreateIndex(
                name: "IX_AdminFactors_CredentialId",
                table: "AdminFactors",
                column: "CredentialId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AdminFactors");
        }
    }
}
