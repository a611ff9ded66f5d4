package dev.joule.console;

import dev.joule.api.ApiException;
import dev.joule.api.CommandApi;
import dev.joule.api.Reads;
import dev.joule.domain.command.Command;
import dev.joule.domain.command.Commands;
import dev.joule.ocpp.Action;
import dev.joule.ocpp.Request;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.Optional;

/**
 * The command form of a charger's page: the fields of the chosen action, the submission (through
 * the API's validation, {@link CommandApi#readRequest}, and the same {@link Commands} service), and
 * the command's outcome, which the page re-reads on every {@code command.status} event.
 */
final class CommandPages {
  private final Commands commands;
  private final Reads reads;
  private final Pages pages;

  CommandPages(Commands commands, Reads reads, Pages pages) {
    this.commands = commands;
    this.reads = reads;
    this.pages = pages;
  }

  void mount(Router router) {
    router.get(Console.CHARGERS + "/:id/command-form").handler(this::form);
    router.post(Console.CHARGERS + "/:id/commands").handler(this::submit);
    router.get(Console.COMMANDS + "/:commandId").handler(this::one);
  }

  private void form(RoutingContext rc) {
    String wire = rc.request().getParam("action");
    pages.respond(
        rc,
        () -> {
          Action action = CommandApi.action(wire == null ? "" : wire);
          return Rendered.ok(
              pages
                  .templates()
                  .render(
                      "command-form",
                      Map.of(
                          "action", action.wire(),
                          "profile", action.profile().toString(),
                          "fields", CommandForm.fields(action),
                          "noFields", CommandForm.fields(action).isEmpty())));
        });
  }

  private void submit(RoutingContext rc) {
    String chargerId = rc.pathParam("id");
    var form = rc.request().formAttributes();
    pages.respond(
        rc,
        () -> {
          Action action = CommandApi.action(Optional.ofNullable(form.get("action")).orElse(""));
          Request request = CommandApi.readRequest(action, CommandForm.payload(action, form));
          Command sent =
              commands
                  .submit(chargerId, request, Optional.empty())
                  .orElseThrow(() -> ApiException.notFound("charger '" + chargerId + "'"))
                  .command();
          return result(sent.id());
        });
  }

  private void one(RoutingContext rc) {
    String raw = rc.pathParam("commandId");
    pages.respond(
        rc,
        () -> {
          long id;
          try {
            id = Long.parseLong(raw);
          } catch (NumberFormatException e) {
            throw ApiException.notFound("command '" + raw + "'");
          }
          return result(id);
        });
  }

  private Rendered result(long id) {
    return reads
        .command(id)
        .map(view -> Rendered.ok(pages.templates().render("command-result", Format.command(view))))
        .orElseThrow(() -> ApiException.notFound("command " + id));
  }
}
