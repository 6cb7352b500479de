libcase1 ; $$FUNC^%UCASE and $$FUNC^%LCASE
 write $$FUNC^%UCASE("abc"),!
 write $$FUNC^%UCASE("Hello, World 123!"),!
 write $$FUNC^%UCASE(""),!
 write $$FUNC^%UCASE(42),!
 write $$FUNC^%LCASE("ABC"),!
 write $$FUNC^%LCASE("Hello, World 123!"),!
 write $$FUNC^%LCASE(""),!
 write $$FUNC^%LCASE("MiXeD_CaSe"),!
 write $$FUNC^%UCASE($$FUNC^%LCASE("Round Trip")),!
 quit
