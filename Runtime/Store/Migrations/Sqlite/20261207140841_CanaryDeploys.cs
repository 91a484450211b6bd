using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Flowgate.Runtime.Store.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CanaryDeploys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<double>(
                name: "CanaryMaxFailureRate",
                table: "Actions",
                type: "REAL",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<int>(
                name: "CanaryMinExecutions",
                table: "Actions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "CanaryPercent",
                table: "Actions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "CanaryStartedAt",
                table: "Actions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CanaryVersionId",
                table: "Actions",
                type: "TEXT",
                maxLength: 64,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CanaryMaxFailureRate",
                table: "Actions");

            migrationBuilder.DropColumn(
                name: "CanaryMinExecutions",
                table: "Actions");

            migrationBuilder.DropColumn(
                name: "CanaryPercent",
                table: "Actions");

            migrationBuilder.DropColumn(
                name: "CanaryStartedAt",
                table: "Actions");

            migrationBuilder.DropColumn(
                name: "CanaryVersionId",
                table: "Actions");
        }
    }
}
