settranslate1 ; SET t=$TRANSLATE(s,"from","to") into a variable that already holds a long string
 new s,t,u,i,lo,up
 set lo="abcdefghijklmnopqrstuvwxyz",up="ABCDEFGHIJKLMNOPQRSTUVWXYZ"
 set s="The Quick Brown Fox, Jumps Over; The Lazy Dog!"
 set t="" for i=1:1:3 set t=$translate(s,"ABCDEFGHIJKLMNOPQRSTUVWXYZ","abcdefghijklmnopqrstuvwxyz") write t,!
 ; the same variable, folded and then with deletions (shorter, then short)
 set t=t_t set t=$translate(t,"abcdefghijklmnopqrstuvwxyz","ABCDEFGHIJKLMNOPQRSTUVWXYZ") write t,!
 set t=$translate(t,",;! ") write t,"|",$length(t),!
 set t=$translate(t,"ABCDEFGHIJKLMNOPQRSTUVWXY") write "[",t,"]",$length(t),!
 ; a copy shares the buffer: it must not change
 set t=s_s,u=t set t=$translate(t,"o","0") write t,!,u,!
 set t=s_s,u=t set u=$translate(t,"e","3") write t,!,u,!
 ; into a variable holding a longer string, from a literal, with a swap
 set u=$justify("",80) set u=$translate("abcabcabcabcabcabcabcab","abc","bca") write "[",u,"]",!
 set u=$justify("",80) set u=$translate("abcabcabcabcabcabcabcab","abc","xy") write "[",u,"]",!
 set u=$justify("",10) set u=$translate("abcabcabcabcabcabcabcab","abc","z") write "[",u,"]",!
 ; a number as the string, a number in the target
 set u=$justify("",40) set u=$translate(12345678901234567,"1234567890","abcdefghij") write u,!
 set u=123 set u=$translate(s,"T","t") write u,!
 ; pieces read before and after, with the piece cache holding the string
 set t=s_"^"_s_"^"_s write $piece(t,"^",2),! set t=$translate(t,"^ ","|_") write $piece(t,"|",1),"|",$length(t,"^"),!
 set t=$translate(t,"|_","^ ") write $piece(t,"^",3),!
 ; the same variable with its pieces being cut
 for i=1:1:3 set t=$translate(t,lo,up),t=$translate(t,up,lo) write $piece(t,"^",i),!
 ; an undefined string, an undefined target
 kill u set u=$translate(t,"a","b") write $length(u),!
 kill u set t=$get(u) set t=$translate(t,"a","b") write "[",t,"]",!
 kill u set $etrap="write $piece($zstatus,"","",3),! set $ecode="""" quit" set t=$translate(u,"a","b")
 write "t: ",$length(t),!
 quit
