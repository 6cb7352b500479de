libcase3 ; %UCASE/%LCASE in M mode also map most Latin-1 letters (not 240/208, 254/222, 255)
 new i,u,l set u="",l=""
 for i=128:1:255 set:$ascii($$FUNC^%UCASE($char(i)))'=i u=u_i_">"_$ascii($$FUNC^%UCASE($char(i)))_" "
 for i=128:1:255 set:$ascii($$FUNC^%LCASE($char(i)))'=i l=l_i_">"_$ascii($$FUNC^%LCASE($char(i)))_" "
 write "U: ",u,!,"L: ",l,!
 quit
