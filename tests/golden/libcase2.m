libcase2 ; %UCASE/%LCASE change ASCII letters only; other bytes pass through
 write $zwrite($$FUNC^%UCASE("a"_$char(224,255)_"z")),!
 write $zwrite($$FUNC^%LCASE("A"_$char(192,222)_"Z")),!
 write $$FUNC^%UCASE("[`{@]"),!
 write $$FUNC^%LCASE("[`{@]"),!
 set x="Mixed" write $$FUNC^%UCASE(x)," ",x,!
 quit
