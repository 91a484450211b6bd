using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Flowgate.Runtime.Store.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class LinkedDatabaseAccounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "LinkedToUserId",
                table: "AspNetUsers",
                type: "nvarchar(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_LinkedToUserId",
                table: "AspNetUsers",
                column: "LinkedToUserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_LinkedToUserId",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "LinkedToUserId",
                table: "AspNetUsers");
        }
    }
}
