using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Flowgate.Runtime.Store.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ApplicationAllowedOrigins : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AllowedOriginsJson",
                table: "OpenIddictApplications",
                type: "nvarchar(max)",
                nullable: false,
                defaultValue: "[]"); // existing applications: no allowed origins
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AllowedOriginsJson",
                table: "OpenIddictApplications");
        }
    }
}
