using LtiBadgeBridge.Web.Cli;

return await CliApp.RunAsync(args);
