libtrim2 ; %TRIM: only leading/trailing characters from the set are removed; inner ones stay
 set s=$char(9,32,9)_"in"_$char(9)_"ner"_$char(32,9)
 write "[",$$FUNC^%TRIM(s),"]",!
 write "L len: ",$length($$L^%TRIM(s))," R len: ",$length($$R^%TRIM(s)),!
 write "[",$$FUNC^%TRIM("abcXcba","abc"),"]",!
 write "[",$$FUNC^%TRIM("aaaa","a"),"]",!
 write "[",$$FUNC^%TRIM(" a ",$char(0)),"]",!
 write "[",$$FUNC^%TRIM(12),"]",!
 quit
