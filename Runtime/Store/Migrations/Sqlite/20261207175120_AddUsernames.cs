using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Flowgate.Runtime.Store.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddUsernames : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "DatabaseUsername",
                table: "AspNetUsers",
                type: "TEXT",
                maxLength: 128,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NormalizedDatabaseUsername",
                table: "AspNetUsers",
                type: "TEXT",
                maxLength: 128,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_TenantId_NormalizedDatabaseUsername",
                table: "AspNetUsers",
                columns: new[] { "TenantId", "NormalizedDatabaseUsername" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_TenantId_NormalizedDatabaseUsername",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "DatabaseUsername",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "NormalizedDatabaseUsername",
                table: "AspNetUsers");
        }
    }
}
