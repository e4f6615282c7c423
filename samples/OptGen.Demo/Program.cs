return OptGen.Demo.DemoApp.Run(args);
