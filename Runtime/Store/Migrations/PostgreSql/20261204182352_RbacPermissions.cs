using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Flowgate.Runtime.Store.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class RbacPermissions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "AllowOfflineAccess",
                table: "ResourceServers",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "EnforcePolicies",
                table: "ResourceServers",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "TokenDialect",
                table: "ResourceServers",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "ClientMetadataJson",
                table: "OpenIddictApplications",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "PermissionGrants",
                columns: table => new
                {
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    HolderKind = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    HolderId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    ResourceServerIdentifier = table.Column<string>(type: "character varying(600)", maxLength: 600, nullable: false),
                    PermissionName = table.Column<string>(type: "character varying(280)", maxLength: 280, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PermissionGrants", x => new { x.TenantId, x.HolderKind, x.HolderId, x.ResourceServerIdentifier, x.PermissionName });
                });

            migrationBuilder.CreateIndex(
                name: "IX_PermissionGrants_TenantId_ResourceServerIdentifier",
                table: "PermissionGrants",
                columns: new[] { "TenantId", "ResourceServerIdentifier" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PermissionGrants");

            migrationBuilder.DropColumn(
                name: "AllowOfflineAccess",
                table: "ResourceServers");

            migrationBuilder.DropColumn(
                name: "EnforcePolicies",
                table: "ResourceServers");

            migrationBuilder.DropColumn(
                name: "TokenDialect",
                table: "ResourceServers");

            migrationBuilder.DropColumn(
                name: "ClientMetadataJson",
                table: "OpenIddictApplications");
        }
    }
}
