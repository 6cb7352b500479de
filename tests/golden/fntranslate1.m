fntranslate1 ; $TRANSLATE with two and three arguments
 write "$tr(""hello"",""l"")=",$translate("hello","l"),!
 write "$tr(""hello"",""lo"")=",$translate("hello","lo"),!
 write "$tr(""hello"",""el"",""ip"")=",$translate("hello","el","ip"),!
 write "$tr(""hello"",""abc"",""xyz"")=",$translate("hello","abc","xyz"),!
 write "$tr(""hello"",""hel"",""H"")=",$translate("hello","hel","H"),!
 write "$tr(""hello"",""h"",""HEX"")=",$translate("hello","h","HEX"),!
 write "$tr(""hello"",""ll"",""ab"")=",$translate("hello","ll","ab"),!
 write "$tr(""hello"","""",""x"")=",$translate("hello","","x"),!
 write "$tr("""",""a"",""b"")=[",$translate("","a","b"),"]",!
 write "$tr(""hello"",""helo"")=[",$translate("hello","helo"),"]",!
 write "$tr(""abc"",""abc"",""bca"")=",$translate("abc","abc","bca"),!
 write "$tr(""hello world"",""abcdefghijklmnopqrstuvwxyz"",""ABCDEFGHIJKLMNOPQRSTUVWXYZ"")=",$translate("hello world","abcdefghijklmnopqrstuvwxyz","ABCDEFGHIJKLMNOPQRSTUVWXYZ"),!
 write "$tr(12345,24)=",$translate(12345,24),!
 write "$tr(1.50,""."","","")=",$translate(1.50,".",","),!
 write "$tr(""a-b-c"",""-"","""")=",$translate("a-b-c","-",""),!
 write "$tr(""aaa"",""a"",""bb"")=",$translate("aaa","a","bb"),!
 write "$tr(""abc"",""aa"",""xy"")=",$translate("abc","aa","xy"),!
 write "$tr(""  x  "","" "")=",$translate("  x  "," "),!
 quit
