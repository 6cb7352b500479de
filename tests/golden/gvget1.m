gvget1 ; $GET with one and two arguments
 set ^G(1)="v1",^G(2,1)="v21"
 write "[",$get(^G(1)),"]",!
 write "[",$get(^G(2)),"]",!
 write "[",$get(^G(2),"dflt"),"]",!
 write "[",$get(^G(3),"dflt"),"]",!
 write "[",$get(^G(1),"dflt"),"]",!
 write "[",$get(^nog),"]",!
 write "[",$get(^nog(1,2),0),"]",!
 write $data(^G(3)),!
