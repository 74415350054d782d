using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.FileProviders;

namespace Bollebygd.LocalHost.StaticWeb;

/// <summary>Serves <c>web/</c> at <c>/</c> the way Azure Static Web Apps would, as far as LocalHost goes.</summary>
public static class StaticWebAppHosting
{
    public static void UseStaticWebApp(this WebApplication app, string webRoot, string routePrefix)
    {
        var files = new PhysicalFileProvider(webRoot);
        var config = StaticWebAppConfig.Load(webRoot);
        var apiPrefix = "/" + routePrefix;

        app.Use(async (context, next) =>
        {
            if (!context.Request.Path.StartsWithSegments(apiPrefix))
            {
                context.Response.OnStarting(() =>
                {
                    foreach (var (name, value) in config.GlobalHeaders)
                    {
                        context.Response.Headers[name] = value;
                    }
                    return Task.CompletedTask;
                });
            }
            await next(context);
        });
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files });

        // Runs after routing found no function and no file matched.
        app.MapFallback(async context =>
        {
            var path = context.Request.Path.Value ?? "/";
            var isRead = HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method);
            if (!isRead || context.Request.Path.StartsWithSegments(apiPrefix) || !config.ShouldFallBack(path))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }
            var target = files.GetFileInfo(config.FallbackRewrite!);
            if (!target.Exists)
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.SendFileAsync(target);
        });
    }
}
