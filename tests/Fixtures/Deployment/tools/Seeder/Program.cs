Console.WriteLine(Shared.Health.Path);
