using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Reference.Infrastructure.Persistence.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class InitialEventStore : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "outbox",
                columns: table => new
                {
                    sequence = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    message_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    tenant_id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    destination = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    partition_key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    type = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    payload = table.Column<string>(type: "TEXT", nullable: false),
                    headers = table.Column<string>(type: "TEXT", nullable: false),
                    attempts = table.Column<int>(type: "INTEGER", nullable: false, defaultValue: 0),
                    next_attempt_at = table.Column<long>(type: "INTEGER", nullable: false),
                    lease_owner = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    lease_until = table.Column<long>(type: "INTEGER", nullable: true),
                    last_error = table.Column<string>(type: "TEXT", nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    processed_at = table.Column<long>(type: "INTEGER", nullable: true),
                    dead_lettered_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_outbox", x => x.sequence);
                });

            migrationBuilder.CreateTable(
                name: "snapshots",
                columns: table => new
                {
                    tenant_id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    stream_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    snapshot_type = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    version = table.Column<long>(type: "INTEGER", nullable: false),
                    schema_version = table.Column<int>(type: "INTEGER", nullable: false),
                    data = table.Column<string>(type: "TEXT", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_snapshots", x => new { x.tenant_id, x.stream_id, x.snapshot_type });
                });

            migrationBuilder.CreateTable(
                name: "streams",
                columns: table => new
                {
                    tenant_id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    stream_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    stream_type = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    version = table.Column<long>(type: "INTEGER", nullable: false),
                    archived = table.Column<bool>(type: "INTEGER", nullable: false, defaultValue: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_streams", x => new { x.tenant_id, x.stream_id });
                });

            migrationBuilder.CreateTable(
                name: "events",
                columns: table => new
                {
                    global_position = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    tenant_id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    stream_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    stream_version = table.Column<long>(type: "INTEGER", nullable: false),
                    event_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    event_type = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    schema_version = table.Column<int>(type: "INTEGER", nullable: false),
                    data = table.Column<string>(type: "TEXT", nullable: false),
                    metadata = table.Column<string>(type: "TEXT", nullable: false),
                    recorded_at = table.Column<long>(type: "INTEGER", nullable: false),
                    archived = table.Column<bool>(type: "INTEGER", nullable: false, defaultValue: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_events", x => x.global_position);
                    table.ForeignKey(
                        name: "FK_events_streams_tenant_id_stream_id",
                        columns: x => new { x.tenant_id, x.stream_id },
                        principalTable: "streams",
                        principalColumns: new[] { "tenant_id", "stream_id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ux_events_event_id",
                table: "events",
                columns: new[] { "tenant_id", "event_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ux_events_stream_version",
                table: "events",
                columns: new[] { "tenant_id", "stream_id", "stream_version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_outbox_pending",
                table: "outbox",
                columns: new[] { "tenant_id", "partition_key", "sequence" },
                filter: "processed_at IS NULL AND dead_lettered_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ux_outbox_message_id",
                table: "outbox",
                columns: new[] { "tenant_id", "message_id" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "events");

            migrationBuilder.DropTable(
                name: "outbox");

            migrationBuilder.DropTable(
                name: "snapshots");

            migrationBuilder.DropTable(
                name: "streams");
        }
    }
}
